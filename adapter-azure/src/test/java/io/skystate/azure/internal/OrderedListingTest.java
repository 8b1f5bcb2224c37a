package io.skystate.azure.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.skystate.api.state.Key;
import io.skystate.api.state.ListRequest;
import io.skystate.api.state.Page;
import io.skystate.api.state.StateEntry;
import io.skystate.api.state.StateValue;
import io.skystate.api.state.Version;
import io.skystate.core.keys.BoundedKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link OrderedListing} over a sorted in-memory "native" store with short native keys, so that buckets of truncated
 * keys form (on Azure they need ids whose encodings agree on 222 characters): every page size lists every visible id
 * exactly once in the portable order, resuming inside buckets, and expired rows are skipped.
 */
class OrderedListingTest {
    private static final int KEY_LENGTH = 40;

    @Test
    void listsInPortableOrderAcrossBucketsForEveryPageSize() {
        List<String> ids = new ArrayList<>();
        String stem = "\u4e2d".repeat(4);
        for (String tail : List.of("", "a", "b", "/", "\u00e9", "\ud83d\ude00", "ab", "a/", "zz", "\u0000")) {
            ids.add(stem + tail);
            ids.add("x" + stem + tail);
        }
        ids.addAll(List.of("a", "b", "A", "~", "zz", "\u4e2d"));
        Set<String> expired = Set.of(stem + "b", "x" + stem + "ab", "b");
        TreeMap<String, OrderedListing.Row> store = new TreeMap<>();
        for (String id : ids) {
            StateEntry entry = new StateEntry(Key.of("g", id), StateValue.json("1"), new Version("v"), Optional.empty());
            store.put(BoundedKey.of(id, KEY_LENGTH), new OrderedListing.Row(BoundedKey.of(id, KEY_LENGTH), id,
                    expired.contains(id) ? Optional.empty() : Optional.of(entry)));
        }
        assertThat(store.keySet().stream().filter(BoundedKey::isTruncated).count()).as("truncated keys").isGreaterThan(6);
        List<String> expected = ids.stream().filter(id -> !expired.contains(id)).sorted(Key::compareUtf8).toList();

        for (int pageSize = 1; pageSize <= 7; pageSize++) {
            assertThat(listAll(store, pageSize)).as("page size %s", pageSize).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void emptyGroupIsOneEmptyLastPage() {
        Page page = new OrderedListing(KEY_LENGTH).list(ListRequest.firstPage("g", 10), reader(new TreeMap<>()));
        assertThat(page.entries()).isEmpty();
        assertThat(page.nextCursor()).isEmpty();
    }

    private static List<String> listAll(TreeMap<String, OrderedListing.Row> store, int pageSize) {
        OrderedListing listing = new OrderedListing(KEY_LENGTH);
        List<String> seen = new ArrayList<>();
        Optional<ListRequest> request = Optional.of(ListRequest.firstPage("g", pageSize));
        int pages = 0;
        while (request.isPresent()) {
            Page page = listing.list(request.get(), reader(store));
            assertThat(page.entries().size()).isLessThanOrEqualTo(pageSize);
            page.entries().forEach(e -> seen.add(e.key().id()));
            request = request.get().next(page);
            assertThat(++pages).isLessThan(500);
        }
        return seen;
    }

    private static OrderedListing.Reader reader(TreeMap<String, OrderedListing.Row> store) {
        return new OrderedListing.Reader() {
            @Override
            public OrderedListing.Slice after(String after, int limit) {
                Map<String, OrderedListing.Row> tail = after == null ? store : store.tailMap(after, false);
                List<OrderedListing.Row> rows = tail.values().stream().limit(limit + 1L).toList();
                boolean more = rows.size() > limit;
                return new OrderedListing.Slice(more ? rows.subList(0, limit) : rows, more);
            }

            @Override
            public List<OrderedListing.Row> between(String from, String to) {
                return List.copyOf(store.subMap(from, true, to, false).values());
            }
        };
    }
}
