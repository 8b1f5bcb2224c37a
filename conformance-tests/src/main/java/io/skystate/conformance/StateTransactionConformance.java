package io.skystate.conformance;

import static io.skystate.conformance.StateFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skystate.api.Capability;
import io.skystate.api.InvalidRequestException;
import io.skystate.api.PayloadTooLargeException;
import io.skystate.api.SkystateException;
import io.skystate.api.UnsupportedCapabilityException;
import io.skystate.api.state.Condition;
import io.skystate.api.state.Key;
import io.skystate.api.state.PutOptions;
import io.skystate.api.state.StateEntry;
import io.skystate.api.state.StateLimits;
import io.skystate.api.state.StateStore;
import io.skystate.api.state.StateValue;
import io.skystate.api.state.Transaction;
import io.skystate.api.state.TransactionFailedException;
import io.skystate.api.state.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Transactions: all or nothing, up to 100 operations, failures name the operation, groups per capability. */
public class StateTransactionConformance extends ConformanceSuite {
    private final String storeName = unique("tx");

    protected final StateStore store() {
        return skystate().stateStore(storeName);
    }

    /** A failing if-absent put in the middle fails the whole transaction at index 1; the other puts are not written. */
    @ConformanceRule
    public final void tx01_allOrNothing() {
        String group = unique("g");
        Key a = Key.of(group, "a");
        Key b = Key.of(group, "b");
        Key c = Key.of(group, "c");
        Version bVersion = store().put(b, json("\"existing\""));
        Transaction tx = Transaction.builder().put(a, json("1")).put(b, json("2"), PutOptions.ifAbsent())
                .put(c, json("3")).build();
        assertThatThrownBy(() -> store().transact(tx)).isInstanceOfSatisfying(TransactionFailedException.class, e -> {
            assertThat(e.failedOperation()).isEqualTo(1);
            assertThat(e.reason()).isEqualTo(TransactionFailedException.Reason.CONDITION_FAILED);
        });
        assertThat(store().get(a)).isEmpty();
        assertThat(store().get(c)).isEmpty();
        assertThat(store().get(b).orElseThrow().version()).isEqualTo(bVersion);
    }

    /** Stale version checks on a Check (index 2) and on a Delete (index 3) are each reported at their index. */
    @ConformanceRule
    public final void tx02_failedOperationIndexIdentified() {
        String group = unique("g");
        Key checked = Key.of(group, "checked");
        Key deleted = Key.of(group, "deleted");
        Version staleChecked = store().put(checked, json("1"));
        Version freshChecked = store().put(checked, json("2"));
        Version staleDeleted = store().put(deleted, json("1"));
        store().put(deleted, json("2"));
        Transaction first = Transaction.builder().put(Key.of(group, "x"), json("0")).put(Key.of(group, "y"), json("0"))
                .check(checked, Condition.ifVersion(staleChecked)).delete(deleted, Condition.none()).build();
        assertFailsAt(first, 2);
        Transaction second = Transaction.builder().put(Key.of(group, "x"), json("0")).put(Key.of(group, "y"), json("0"))
                .check(checked, Condition.ifVersion(freshChecked)).delete(deleted, Condition.ifVersion(staleDeleted))
                .build();
        assertFailsAt(second, 3);
        assertThat(store().get(Key.of(group, "x"))).isEmpty();
        assertThat(store().get(deleted)).isPresent();
    }

    private void assertFailsAt(Transaction tx, int index) {
        assertThatThrownBy(() -> store().transact(tx)).isInstanceOfSatisfying(TransactionFailedException.class, e -> {
            assertThat(e.failedOperation()).as("failed operation").isEqualTo(index);
            assertThat(e.reason()).isEqualTo(TransactionFailedException.Reason.CONDITION_FAILED);
        });
    }

    /** A transaction of put, conditional put, delete and check applies all of them and returns the puts' versions. */
    @ConformanceRule
    public final void tx03_appliesEveryOperation() {
        String group = unique("g");
        Key created = Key.of(group, "created");
        Key updated = Key.of(group, "updated");
        Key removed = Key.of(group, "removed");
        Key checked = Key.of(group, "checked");
        Version updatedVersion = store().put(updated, json("1"));
        Version removedVersion = store().put(removed, json("1"));
        Version checkedVersion = store().put(checked, json("1"));
        Map<Key, Version> versions = store().transact(Transaction.builder()
                .put(created, json("\"new\""), PutOptions.ifAbsent())
                .put(updated, StateValue.bytes(new byte[] {9}), PutOptions.ifVersion(updatedVersion))
                .delete(removed, Condition.ifVersion(removedVersion))
                .check(checked, Condition.ifVersion(checkedVersion)).build());
        assertThat(versions).containsKeys(created, updated);
        assertThat(store().get(created).orElseThrow().version()).isEqualTo(versions.get(created));
        StateEntry entry = store().get(updated).orElseThrow();
        assertThat(entry.version()).isEqualTo(versions.get(updated)).isNotEqualTo(updatedVersion);
        assertThat(entry.value()).isEqualTo(StateValue.bytes(new byte[] {9}));
        assertThat(store().get(removed)).isEmpty();
        assertThat(store().get(checked).orElseThrow().version()).isEqualTo(checkedVersion);
    }

    /** A transaction of exactly {@value Transaction#MAX_OPERATIONS} operations applies. */
    @ConformanceRule
    public final void tx04_maximumOperationsApply() {
        String group = unique("g");
        Transaction.Builder builder = Transaction.builder();
        for (int i = 0; i < Transaction.MAX_OPERATIONS; i++) {
            builder.put(Key.of(group, String.format("k%03d", i)), json(String.valueOf(i)));
        }
        assertThat(store().transact(builder.build())).hasSize(Transaction.MAX_OPERATIONS);
        assertThat(StateFixtures.listAll(store(), group, 1000)).hasSize(Transaction.MAX_OPERATIONS);
    }

    /** One operation over the maximum is rejected by build() with InvalidRequestException. */
    @ConformanceRule
    public final void tx05_overMaximumRejected() {
        Transaction.Builder builder = Transaction.builder();
        for (int i = 0; i <= Transaction.MAX_OPERATIONS; i++) {
            builder.put(Key.of("g", "k" + i), json("1"));
        }
        assertThatThrownBy(builder::build).isInstanceOf(InvalidRequestException.class);
        assertThat(capabilities().maxTransactionOperations()).isGreaterThanOrEqualTo(Transaction.MAX_OPERATIONS);
    }

    /**
     * A transaction over two groups applies when the adapter declares CROSS_GROUP_TRANSACTIONS; otherwise it raises
     * UnsupportedCapabilityException (or InvalidRequestException) and writes nothing.
     */
    @ConformanceRule
    public final void tx06_crossGroupFollowsCapability() {
        Key a = Key.of(unique("g"), "a");
        Key b = Key.of(unique("g"), "b");
        Transaction tx = Transaction.builder().put(a, json("1")).put(b, json("2")).build();
        if (capabilities().has(Capability.CROSS_GROUP_TRANSACTIONS)) {
            store().transact(tx);
            assertThat(store().getAll(List.of(a, b))).containsOnlyKeys(a, b);
        } else {
            assertThatThrownBy(() -> store().transact(tx))
                    .isInstanceOfAny(UnsupportedCapabilityException.class, InvalidRequestException.class);
            assertThat(store().getAll(List.of(a, b))).isEmpty();
        }
    }

    /** Four threads each move two counters together 25 times with version checks: both end at exactly 100. */
    @ConformanceRule
    public final void tx07_concurrentTransactionsAreAtomic() throws Exception {
        String group = unique("g");
        Key a = Key.of(group, "a");
        Key b = Key.of(group, "b");
        store().put(a, json("{\"n\":0}"));
        store().put(b, json("{\"n\":0}"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    for (int done = 0, attempt = 0; done < 25; attempt++) {
                        assertThat(attempt).as("attempts").isLessThan(25_000);
                        done += incrementBoth(a, b) ? 1 : 0;
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get(100, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(StateFixtures.intField(store().get(a).orElseThrow(), "n")).isEqualTo(100);
        assertThat(StateFixtures.intField(store().get(b).orElseThrow(), "n")).isEqualTo(100);
    }

    private boolean incrementBoth(Key a, Key b) {
        StateEntry ea = store().get(a).orElseThrow();
        StateEntry eb = store().get(b).orElseThrow();
        try {
            store().transact(Transaction.builder()
                    .put(a, json("{\"n\":" + (StateFixtures.intField(ea, "n") + 1) + "}"), PutOptions.ifVersion(ea.version()))
                    .put(b, json("{\"n\":" + (StateFixtures.intField(eb, "n") + 1) + "}"), PutOptions.ifVersion(eb.version()))
                    .build());
            return true;
        } catch (TransactionFailedException e) {
            return false;
        } catch (SkystateException e) {
            if (e.retryable()) {
                return false;
            }
            throw e;
        }
    }

    /**
     * An oversize value or malformed JSON inside a transaction fails it before anything is written, with the same
     * exception a single put raises (or TransactionFailedException with reason INVALID).
     */
    @ConformanceRule
    public final void tx08_invalidOperationWritesNothing() {
        String group = unique("g");
        Key ok = Key.of(group, "ok");
        Key big = Key.of(group, "big");
        StateValue tooLarge = StateValue.bytes(new byte[StateLimits.maxValueSize(big) + 1]);
        Transaction oversize = Transaction.builder().put(ok, json("1")).put(big, tooLarge).build();
        assertThatThrownBy(() -> store().transact(oversize)).satisfies(e -> assertInvalid(e, PayloadTooLargeException.class));
        Transaction malformed = Transaction.builder().put(ok, json("1")).put(big, json("{not json")).build();
        assertThatThrownBy(() -> store().transact(malformed)).satisfies(e -> assertInvalid(e, InvalidRequestException.class));
        assertThat(store().getAll(List.of(ok, big))).isEmpty();
    }

    private static void assertInvalid(Throwable e, Class<? extends SkystateException> single) {
        if (!single.isInstance(e)) {
            assertThat(e).isInstanceOf(TransactionFailedException.class);
            assertThat(((TransactionFailedException) e).reason()).isEqualTo(TransactionFailedException.Reason.INVALID);
        }
    }

    /** Put options apply inside a transaction: an expiry in the past makes the record invisible at once. */
    @ConformanceRule
    public final void tx09_putExpiryAppliesInTransaction() {
        String group = unique("g");
        Key dead = Key.of(group, "dead");
        Key alive = Key.of(group, "alive");
        Instant later = Instant.now().plusSeconds(3600);
        store().transact(Transaction.builder()
                .put(dead, json("1"), PutOptions.always().expiringAt(Instant.now().minusSeconds(60)))
                .put(alive, json("2"), PutOptions.always().expiringAt(later)).build());
        assertThat(store().get(dead)).isEmpty();
        assertThat(store().get(alive).orElseThrow().expiresAt()).isPresent();
    }
}
