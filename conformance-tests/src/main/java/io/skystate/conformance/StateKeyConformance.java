package io.skystate.conformance;

import static io.skystate.conformance.StateFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skystate.api.AlreadyExistsException;
import io.skystate.api.InvalidKeyException;
import io.skystate.api.state.Key;
import io.skystate.api.state.ListRequest;
import io.skystate.api.state.PutOptions;
import io.skystate.api.state.StateEntry;
import io.skystate.api.state.StateStore;
import io.skystate.api.state.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keys: any well-formed Unicode group and id up to 256 chars round-trips unchanged through every operation. On
 * failure, check the adapter's reversible key encoding: characters the provider forbids, case folding, Unicode
 * normalisation, and collisions between an id and the encoded form of another.
 */
public class StateKeyConformance extends ConformanceSuite {
    /** Characters and shapes that providers forbid, reserve, normalise or confuse. */
    static final List<String> HOSTILE = List.of("/", "\\", "?", "#", ".", "..", "...", "__x__", "__", "_", "a/b/c",
            "%2F", "%252F", "%", " ", " lead", "trail ", "a b", "\ud83d\ude00", "\u4e2d\u6587\u952e", "x".repeat(250),
            "y".repeat(256), "*", "[]", "'\"", "<>&", "~", "+", "=", "|", ":", ";", "@", "$", "{}", "\u00e9", "e\u0301",
            "Key", "key", "KEY", "/leading", "trailing/", "a//b", "a\\b", "?x=1&y=2", "#frag");
    /** Control and special characters. */
    static final List<String> CONTROL = List.of("\t", "\n", "\r", "a\u0000b", "\u007f", "\u0001", "\u2028",
            "\ufeff", "\ufffd");

    private final String storeName = unique("keys");

    protected final StateStore store() {
        return skystate().stateStore(storeName);
    }

    private String putAll(List<String> ids) {
        String group = unique("g");
        for (int i = 0; i < ids.size(); i++) {
            store().put(Key.of(group, ids.get(i)), json("{\"index\":" + i + "}"));
        }
        return group;
    }

    private void assertRoundTrip(String group, List<String> ids) {
        for (int i = 0; i < ids.size(); i++) {
            Key key = Key.of(group, ids.get(i));
            StateEntry entry = store().get(key).orElseThrow(() -> new AssertionError("not found: " + key));
            assertThat(entry.key()).isEqualTo(key);
            JsonTree.assertSameJson(entry.value().bytes(), "{\"index\":" + i + "}");
        }
        List<String> expected = new ArrayList<>(ids);
        expected.sort(Key::compareUtf8);
        assertThat(StateFixtures.ids(StateFixtures.listAll(store(), group, ListRequest.MAX_PAGE_SIZE)))
                .containsExactlyElementsOf(expected);
    }

    /**
     * Ids with {@code / \ ? #}, dot ids, {@code __x__}, percent-encodings, spaces, emoji, CJK and 250-256 chars
     * each address their own record and read back (get, then list) with the identical id.
     */
    @ConformanceRule
    public final void key01_hostileIdsRoundTrip() {
        assertRoundTrip(putAll(HOSTILE), HOSTILE);
    }

    /** The same hostile strings work as groups: each group lists exactly its own record with the identical group. */
    @ConformanceRule
    public final void key02_hostileGroupsRoundTrip() {
        String suffix = unique("");
        for (String hostile : HOSTILE) {
            String group = hostile.length() + suffix.length() > Key.MAX_LENGTH ? hostile : hostile + suffix;
            Key key = Key.of(group, hostile);
            store().put(key, json("true"));
            assertThat(store().get(key)).hasValueSatisfying(e -> assertThat(e.key()).isEqualTo(key));
            assertThat(StateFixtures.listAll(store(), group, 10)).as("listing group '%s'", group)
                    .singleElement().satisfies(e -> assertThat(e.key()).isEqualTo(key));
        }
    }

    /** Control characters, NUL, line separators and BOM in ids round-trip. */
    @ConformanceRule
    public final void key03_controlCharacterIdsRoundTrip() {
        assertRoundTrip(putAll(CONTROL), CONTROL);
    }

    /** Maximum-length ids and groups (256 chars of ASCII, of 3-byte CJK, of emoji pairs) round-trip. */
    @ConformanceRule
    public final void key04_maximumLengthKeysRoundTrip() {
        List<String> ids = List.of("x".repeat(256), "\u4e2d".repeat(256), "\ud83d\ude00".repeat(128));
        assertRoundTrip(putAll(ids), ids);
        Key longest = Key.of("\u4e2d".repeat(256), "\ud83d\ude00".repeat(128));
        store().put(longest, json("1"));
        assertThat(store().get(longest)).hasValueSatisfying(e -> assertThat(e.key()).isEqualTo(longest));
    }

    /** Look-alike ids (case, Unicode normalisation, encodings of each other) are distinct records. */
    @ConformanceRule
    public final void key05_lookalikeIdsAreDistinct() {
        List<String> ids = List.of("Key", "key", "KEY", "\u00e9", "e\u0301", "/", "%2F", "%252F", "_2F", "a", "a ",
                " a", ".", "..", "...", "_", "__", "__x__", "_x_", "x", "%", "%25", "\\", "\\\\");
        assertRoundTrip(putAll(ids), ids);
    }

    /** Invalid keys (empty, 257 chars, unpaired surrogates) raise InvalidKeyException; nothing is written. */
    @ConformanceRule
    public final void key06_invalidKeysRejected() {
        String group = unique("g");
        List<Runnable> attempts = List.of(
                () -> store().put(Key.of(group, ""), json("1")),
                () -> store().put(Key.of("", "id"), json("1")),
                () -> store().put(Key.of(group, "a".repeat(257)), json("1")),
                () -> store().put(Key.of("a".repeat(257), "id"), json("1")),
                () -> store().put(Key.of(group, "\ud800"), json("1")),
                () -> store().put(Key.of(group, "a\udc00b"), json("1")),
                () -> store().put(Key.of(group, "\ude00\ud83d"), json("1")),
                () -> store().list(ListRequest.firstPage("", 10)));
        for (int i = 0; i < attempts.size(); i++) {
            assertThatThrownBy(attempts.get(i)::run).as("attempt %s", i).isInstanceOf(InvalidKeyException.class);
        }
        assertThat(StateFixtures.listAll(store(), group, 10)).isEmpty();
    }

    /** Hostile ids work in transactions and getAll: every key comes back identical. */
    @ConformanceRule
    public final void key07_hostileIdsInTransactionsAndGetAll() {
        String group = unique("g");
        Transaction.Builder tx = Transaction.builder();
        List<Key> keys = new ArrayList<>();
        for (String id : HOSTILE) {
            keys.add(Key.of(group, id));
            tx.put(Key.of(group, id), json(SuiteReport.quote(id)));
        }
        store().transact(tx.build());
        Map<Key, StateEntry> found = store().getAll(keys);
        assertThat(found).containsOnlyKeys(keys);
        found.forEach((key, entry) -> {
            assertThat(entry.key()).isEqualTo(key);
            JsonTree.assertSameJson(entry.value().bytes(), SuiteReport.quote(key.id()));
        });
    }

    /** Conditional puts and deletes address hostile ids exactly: if-absent conflicts, delete removes only its own. */
    @ConformanceRule
    public final void key08_hostileIdsConditionsAndDelete() {
        String group = putAll(HOSTILE);
        for (String id : List.of("/", "..", "%2F", "__x__", "e\u0301", "Key")) {
            Key key = Key.of(group, id);
            assertThatThrownBy(() -> store().put(key, json("0"), PutOptions.ifAbsent()))
                    .as("if-absent on '%s'", id).isInstanceOf(AlreadyExistsException.class);
            assertThat(store().delete(key)).as("delete '%s'", id).isTrue();
            assertThat(store().get(key)).isEmpty();
        }
        assertThat(StateFixtures.listAll(store(), group, 1000)).hasSize(HOSTILE.size() - 6);
    }
}
