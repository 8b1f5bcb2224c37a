package io.skystate.conformance;

import static io.skystate.conformance.StateFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.skystate.api.state.Key;
import io.skystate.api.state.ListRequest;
import io.skystate.api.state.Page;
import io.skystate.api.state.StateEntry;
import io.skystate.api.state.StateStore;
import io.skystate.api.state.StateValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Listing: one group, in UTF-8 byte order of the id ({@link Key#compareUtf8}), every record exactly once across
 * pages. On an order failure, check that the provider's sort is byte-wise on the adapter's key encoding and that
 * the encoding preserves order (UTF-16 order and case-insensitive collations are common culprits).
 */
public class StateListingConformance extends ConformanceSuite {
    /** Ids whose UTF-8 order differs from UTF-16, case-insensitive, numeric or natural order. */
    static final List<String> ORDER_IDS = List.of("a", "a/b", "ab", "A", "B", "b", "0", "9", "10", "a b", "a-b",
            "a.b", "a_b", "a~", "~", "\u00e9", "e\u0301", "z", "Z", "\uff21", "\ud83d\ude00", "\u4e2d", "aa", "a\u0000");

    private final String storeName = unique("list");

    protected final StateStore store() {
        return skystate().stateStore(storeName);
    }

    private static List<String> sorted(List<String> ids) {
        List<String> expected = new ArrayList<>(ids);
        expected.sort(Key::compareUtf8);
        return expected;
    }

    private String groupWith(List<String> ids) {
        String group = unique("g");
        for (String id : ids) {
            store().put(Key.of(group, id), json("{\"id\":" + SuiteReport.quote(id) + "}"));
        }
        return group;
    }

    private void assertListsInOrder(int pageSize) {
        String group = groupWith(ORDER_IDS);
        assertThat(StateFixtures.ids(StateFixtures.listAll(store(), group, pageSize)))
                .as("ids listed with page size %s", pageSize).containsExactlyElementsOf(sorted(ORDER_IDS));
    }

    /** One page lists every id, in UTF-8 byte order: "A" &lt; "B" &lt; "a" &lt; "a b" &lt; "a/b" &lt; "ab", U+FF21 &lt; U+1F600. */
    @ConformanceRule
    public final void list01_utf8Order() {
        assertListsInOrder(ListRequest.MAX_PAGE_SIZE);
    }

    /** With page size 1, every record comes exactly once, in order, each page holding at most one entry. */
    @ConformanceRule
    public final void list02_pageSizeOne() {
        assertListsInOrder(1);
    }

    /** With page size 3, every record comes exactly once, in order, across pages. */
    @ConformanceRule
    public final void list03_pageSizeThree() {
        assertListsInOrder(3);
    }

    /** A group never written lists as one empty last page. */
    @ConformanceRule
    public final void list04_emptyGroupGivesEmptyLastPage() {
        Page page = store().list(ListRequest.firstPage(unique("empty"), 10));
        assertThat(page.entries()).isEmpty();
        assertThat(page.nextCursor()).isEmpty();
    }

    /** Listing a group returns none of the records of groups that share its prefix or extend it. */
    @ConformanceRule
    public final void list05_listsOnlyItsGroup() {
        String group = unique("g");
        for (String g : List.of(group, group + "x", group + "/", group + " ", "x" + group)) {
            store().put(Key.of(g, "id"), json(SuiteReport.quote(g)));
        }
        List<StateEntry> entries = StateFixtures.listAll(store(), group, 10);
        assertThat(entries).singleElement().satisfies(e -> assertThat(e.key()).isEqualTo(Key.of(group, "id")));
    }

    /** Listed entries carry the same key, value, version and expiry as get. */
    @ConformanceRule
    public final void list06_entriesMatchGet() {
        String group = groupWith(List.of("one", "two"));
        store().put(Key.of(group, "bytes"), StateValue.bytes(new byte[] {0, -1, 127}));
        for (StateEntry listed : StateFixtures.listAll(store(), group, 2)) {
            StateEntry read = store().get(listed.key()).orElseThrow();
            assertThat(listed.value()).isEqualTo(read.value());
            assertThat(listed.version()).isEqualTo(read.version());
            assertThat(listed.expiresAt()).isEqualTo(read.expiresAt());
        }
    }

    /**
     * A cursor stays valid when the record it stopped at and the next one are deleted: the listing resumes with
     * the records after them, none repeated.
     */
    @ConformanceRule
    public final void list07_cursorSurvivesDeletes() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add("r" + i);
        }
        String group = groupWith(ids);
        ListRequest first = ListRequest.firstPage(group, 3);
        Page page = store().list(first);
        List<String> seen = new ArrayList<>(StateFixtures.ids(page.entries()));
        assertThat(seen).isNotEmpty().isSubsetOf(ids.subList(0, 3));
        String last = seen.get(seen.size() - 1);
        store().delete(Key.of(group, last));
        String next = ids.get(ids.indexOf(last) + 1);
        store().delete(Key.of(group, next));
        Optional<ListRequest> request = first.next(page);
        while (request.isPresent()) {
            Page more = store().list(request.get());
            seen.addAll(StateFixtures.ids(more.entries()));
            request = request.get().next(more);
            assertThat(seen.size()).isLessThan(100);
        }
        List<String> expected = new ArrayList<>(ids);
        expected.remove(next);
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    /**
     * 300 records of 4 KB each (over a megabyte, more than one DynamoDB or Cosmos DB response) list completely with
     * the maximum page size; pages may come back short but never lose or repeat a record.
     */
    @ConformanceRule
    public final void list08_largeGroupListsCompletely() {
        String group = unique("g");
        List<String> ids = new ArrayList<>();
        byte[] payload = new byte[4096];
        for (int i = 0; i < 300; i++) {
            String id = String.format("item-%04d", i);
            ids.add(id);
            store().put(Key.of(group, id), StateValue.bytes(payload));
        }
        assertThat(StateFixtures.ids(StateFixtures.listAll(store(), group, ListRequest.MAX_PAGE_SIZE)))
                .containsExactlyElementsOf(ids);
        assertThat(StateFixtures.ids(StateFixtures.listAll(store(), group, 70))).containsExactlyElementsOf(ids);
    }

    /**
     * Characters some provider forbids or escapes in native keys, and characters whose escapes sort differently from
     * themselves, still list in UTF-8 byte order: "a%2F" sorts after "a-" (0x25 < 0x2D) and before "a/", "!" before
     * "#", "\u007f" before "\u0080", U+FFFF before U+1F600, and the ids ".", "..", "__x__" sit among their neighbours.
     * A failure means the adapter's key encoding does not preserve order: compare its escape characters with the
     * characters around them.
     */
    @ConformanceRule
    public final void list09_encodedKeysKeepTheirOrder() {
        List<String> ids = List.of("a-", "a%2F", "a%", "a/", "a.", "a..", "a_", "a~", "a\u007f", "a\u0080", "a\u00ff",
                "a\uffff", "a\ud83d\ude00", "a!", "a#", "a?", "a\\", "a\"", "a\u0001", "a ", ".", "..", "...",
                "__x__", "_", "~", "%", "#", "?", "/", "\\", "a\u00e9b", "a\u4e2d");
        String group = groupWith(ids);
        assertThat(StateFixtures.ids(StateFixtures.listAll(store(), group, 7))).as("ids listed in pages of 7")
                .containsExactlyElementsOf(sorted(ids));
    }
}
