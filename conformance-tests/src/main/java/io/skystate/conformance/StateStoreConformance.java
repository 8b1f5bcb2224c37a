package io.skystate.conformance;

import static io.skystate.conformance.StateFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skystate.api.AlreadyExistsException;
import io.skystate.api.InvalidRequestException;
import io.skystate.api.VersionConflictException;
import io.skystate.api.state.ContentType;
import io.skystate.api.state.Key;
import io.skystate.api.state.PutOptions;
import io.skystate.api.state.StateEntry;
import io.skystate.api.state.StateStore;
import io.skystate.api.state.StateValue;
import io.skystate.api.state.Version;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Basic state store rules: values round-trip exactly, reads see writes, stores and groups are isolated. */
public class StateStoreConformance extends ConformanceSuite {
    /** Decoded through the codec: proves the typed helpers keep precision too. */
    public record Numbers(BigInteger big, BigDecimal decimal, String text) {
    }

    private final String storeName = unique("state");

    protected final StateStore store() {
        return skystate().stateStore(storeName);
    }

    /**
     * A JSON document with nested objects and arrays, a 30-digit integer, a decimal beyond double precision, 2^53+1,
     * unicode, escapes, booleans and nulls reads back as the same JSON and as {@link ContentType#JSON}. On failure,
     * check that numbers are not stored as doubles and strings are not re-encoded.
     */
    @ConformanceRule
    public final void state01_jsonTypesRoundTrip() {
        Key key = Key.of(unique("g"), "doc");
        store().put(key, json(JsonSamples.DOCUMENT));
        StateEntry entry = store().get(key).orElseThrow();
        assertThat(entry.value().type()).isEqualTo(ContentType.JSON);
        JsonTree.assertSameJson(entry.value().bytes(), JsonSamples.DOCUMENT);
    }

    /**
     * JSON values that are not objects (arrays, strings, numbers, booleans, null) round-trip. On failure, check
     * how a document store wraps non-object values.
     */
    @ConformanceRule
    public final void state02_topLevelJsonValuesRoundTrip() {
        String group = unique("g");
        for (int i = 0; i < JsonSamples.TOP_LEVEL.length; i++) {
            Key key = Key.of(group, "v" + i);
            store().put(key, json(JsonSamples.TOP_LEVEL[i]));
            JsonTree.assertSameJson(store().get(key).orElseThrow().value().bytes(), JsonSamples.TOP_LEVEL[i]);
        }
    }

    /** putJson/getJson with the instance's codec keep big integers, exact decimals and unicode. */
    @ConformanceRule
    public final void state03_typedJsonKeepsPrecision() {
        Key key = Key.of(unique("g"), "numbers");
        Numbers numbers = new Numbers(new BigInteger(JsonSamples.BIG_INTEGER), new BigDecimal(JsonSamples.EXACT_DECIMAL),
                JsonSamples.UNICODE);
        store().putJson(key, numbers, PutOptions.always());
        Numbers back = store().getJson(key, Numbers.class).orElseThrow();
        assertThat(back.big()).isEqualTo(numbers.big());
        assertThat(back.decimal()).isEqualByComparingTo(numbers.decimal());
        assertThat(back.text()).isEqualTo(numbers.text());
    }

    /** Byte values (every byte value, and an empty value) come back byte for byte as {@link ContentType#BYTES}. */
    @ConformanceRule
    public final void state04_bytesRoundTrip() {
        String group = unique("g");
        byte[] all = JsonSamples.allByteValues();
        store().put(Key.of(group, "all"), StateValue.bytes(all));
        store().put(Key.of(group, "empty"), StateValue.bytes(new byte[0]));
        StateValue back = store().get(Key.of(group, "all")).orElseThrow().value();
        assertThat(back.type()).isEqualTo(ContentType.BYTES);
        assertThat(back.bytes()).isEqualTo(all);
        StateValue empty = store().get(Key.of(group, "empty")).orElseThrow().value();
        assertThat(empty.type()).isEqualTo(ContentType.BYTES);
        assertThat(empty.bytes()).isEmpty();
    }

    /** A key never written reads as empty, in a new group and in a group that has other records. */
    @ConformanceRule
    public final void state05_missingKeyIsEmpty() {
        String group = unique("g");
        assertThat(store().get(Key.of(group, "never"))).isEmpty();
        store().put(Key.of(group, "other"), json("1"));
        assertThat(store().get(Key.of(group, "never"))).isEmpty();
    }

    /** A read returns the requested key, the version the last put returned, and no expiry. */
    @ConformanceRule
    public final void state06_entryCarriesKeyVersionAndNoExpiry() {
        Key key = Key.of(unique("g"), "entry");
        Version version = store().put(key, json("{\"a\":1}"));
        StateEntry entry = store().get(key).orElseThrow();
        assertThat(entry.key()).isEqualTo(key);
        assertThat(entry.version()).isEqualTo(version);
        assertThat(entry.expiresAt()).isEmpty();
    }

    /** A put replaces the whole record: a JSON value overwritten with bytes reads back as those bytes, and back. */
    @ConformanceRule
    public final void state07_putReplacesValueAndContentType() {
        Key key = Key.of(unique("g"), "replace");
        store().put(key, json("{\"first\":true}"));
        store().put(key, StateValue.bytes(new byte[] {1, 2, 3}));
        assertThat(store().get(key).orElseThrow().value()).isEqualTo(StateValue.bytes(new byte[] {1, 2, 3}));
        store().put(key, json("{\"third\":3}"));
        StateValue value = store().get(key).orElseThrow().value();
        assertThat(value.type()).isEqualTo(ContentType.JSON);
        JsonTree.assertSameJson(value.bytes(), "{\"third\":3}");
    }

    /** Eight threads each make 50 optimistic increments (read, put-if-version, retry): the counter ends at 400. */
    @ConformanceRule
    public final void state08_concurrentIncrementsAreExact() throws Exception {
        Key key = Key.of(unique("g"), "counter");
        int threads = 8;
        int increments = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(incrementer(key, increments, start)));
            }
            start.countDown();
            for (Future<Integer> result : results) {
                assertThat(result.get(100, TimeUnit.SECONDS)).isEqualTo(increments);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(counterValue(store().get(key).orElseThrow())).isEqualTo(threads * increments);
    }

    private Callable<Integer> incrementer(Key key, int increments, CountDownLatch start) {
        return () -> {
            start.await();
            int done = 0;
            for (int attempt = 0; done < increments; attempt++) {
                assertThat(attempt).as("attempts for %s increments", increments).isLessThan(increments * 1000);
                Optional<StateEntry> current = store().get(key);
                try {
                    if (current.isEmpty()) {
                        store().put(key, json("{\"n\":1}"), PutOptions.ifAbsent());
                    } else {
                        int next = counterValue(current.get()) + 1;
                        store().put(key, json("{\"n\":" + next + "}"), PutOptions.ifVersion(current.get().version()));
                    }
                    done++;
                } catch (VersionConflictException | AlreadyExistsException lostRace) {
                    // another thread won; re-read and retry
                }
            }
            return done;
        };
    }

    private static int counterValue(StateEntry entry) {
        return StateFixtures.intField(entry, "n");
    }

    /** getAll returns exactly the present records (across two groups), leaving out absent and expired keys. */
    @ConformanceRule
    public final void state09_getAllReturnsOnlyVisibleRecords() {
        String group = unique("g");
        Key present = Key.of(group, "present");
        Key otherGroup = Key.of(unique("g"), "present");
        Key absent = Key.of(group, "absent");
        Key expired = Key.of(group, "expired");
        store().put(present, json("1"));
        store().put(otherGroup, json("2"));
        StateFixtures.putExpired(store(), expired, json("3"));
        Map<Key, StateEntry> found = store().getAll(List.of(present, otherGroup, absent, expired));
        assertThat(found).containsOnlyKeys(present, otherGroup);
        JsonTree.assertSameJson(found.get(present).value().bytes(), "1");
        JsonTree.assertSameJson(found.get(otherGroup).value().bytes(), "2");
        assertThat(found.get(present).key()).isEqualTo(present);
    }

    /** The same key in two stores holds two independent records; deleting one leaves the other. */
    @ConformanceRule
    public final void state10_storeIsolation() {
        StateStore other = skystate().stateStore(unique("other"));
        Key key = Key.of(unique("g"), "same");
        store().put(key, json("\"mine\""));
        assertThat(other.get(key)).isEmpty();
        other.put(key, json("\"theirs\""));
        JsonTree.assertSameJson(store().get(key).orElseThrow().value().bytes(), "\"mine\"");
        assertThat(StateFixtures.listAll(other, key.group(), 10)).hasSize(1);
        other.delete(key);
        assertThat(store().get(key)).isPresent();
    }

    /** The same id in two groups (one a prefix of the other) holds two independent records. */
    @ConformanceRule
    public final void state11_groupIsolation() {
        String group = unique("g");
        Key a = Key.of(group, "id");
        Key b = Key.of(group + "x", "id");
        store().put(a, json("\"a\""));
        assertThat(store().get(b)).isEmpty();
        store().put(b, json("\"b\""));
        JsonTree.assertSameJson(store().get(a).orElseThrow().value().bytes(), "\"a\"");
        store().delete(b);
        assertThat(store().get(a)).isPresent();
    }

    /** Store names that are not portable ({@code [a-z][a-z0-9-]{0,47}}) raise InvalidRequestException. */
    @ConformanceRule
    public final void state12_invalidStoreNameRejected() {
        for (String name : List.of("", "Upper", "1digit", "under_score", "with space", "-dash", "\u00fcmlaut",
                "a".repeat(49))) {
            assertThatThrownBy(() -> skystate().stateStore(name).get(Key.of("g", "i")))
                    .as("store name '%s'", name).isInstanceOf(InvalidRequestException.class);
        }
    }

    /**
     * Malformed JSON values raise InvalidRequestException and write nothing, neither over an existing record nor
     * under a new key. On failure, check the adapter parses strictly (no trailing tokens, no empty document).
     */
    @ConformanceRule
    public final void state13_malformedJsonRejected() {
        String group = unique("g");
        Key existing = Key.of(group, "existing");
        Key fresh = Key.of(group, "fresh");
        Version version = store().put(existing, json("{\"ok\":true}"));
        for (String bad : List.of("{not json", "", "[1,2", "{\"a\":}", "{\"a\":1} trailing", "'single'")) {
            assertThatThrownBy(() -> store().put(existing, json(bad))).as("value '%s'", bad)
                    .isInstanceOf(InvalidRequestException.class);
            assertThatThrownBy(() -> store().put(fresh, json(bad), PutOptions.ifAbsent())).as("value '%s'", bad)
                    .isInstanceOf(InvalidRequestException.class);
        }
        assertThat(store().get(existing).orElseThrow().version()).isEqualTo(version);
        assertThat(store().get(fresh)).isEmpty();
    }

    /** Reads see the latest acknowledged write to a key immediately (read-your-writes), through get and getAll. */
    @ConformanceRule
    public final void state14_readYourWrites() {
        Key key = Key.of(unique("g"), "ryw");
        for (int i = 0; i < 10; i++) {
            Version version = store().put(key, json("{\"i\":" + i + "}"));
            assertThat(store().get(key).orElseThrow().version()).isEqualTo(version);
            JsonTree.assertSameJson(store().getAll(List.of(key)).get(key).value().bytes(), "{\"i\":" + i + "}");
        }
    }
}
