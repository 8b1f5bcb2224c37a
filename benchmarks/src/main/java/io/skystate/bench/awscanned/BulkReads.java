package io.skystate.bench.awscanned;

import io.skystate.api.state.Key;
import io.skystate.api.state.ListRequest;
import io.skystate.api.state.Page;
import io.skystate.api.state.StateStore;
import io.skystate.bench.aws.RawDynamo;
import io.skystate.bench.overhead.StateOverheadBench;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;

/**
 * The two multi-record reads of {@link AwsCannedBench}, on either side: a listing page ({@value #PAGE} records of the
 * group, walking the pages with the cursor and starting over after the last) and a multi-get of records 0–99. One
 * thread.
 */
interface BulkReads {
    /** Records per listing page. */
    int PAGE = 100;
    /** The records of the multi-get: the first 100. */
    List<Key> BATCH_KEYS = List.copyOf(Arrays.asList(StateOverheadBench.KEYS).subList(0, 100));
    List<String> BATCH_IDS = List.copyOf(Arrays.asList(StateOverheadBench.IDS).subList(0, 100));

    /** Reads the next listing page; returns it. */
    Object listPage();

    /** Reads records 0–99 in one multi-get; returns them. */
    Object getAll100();

    /** Skystate's side: {@code StateStore.list} with {@code ListRequest.next}, and {@code StateStore.getAll}. */
    static BulkReads of(StateStore store) {
        return new BulkReads() {
            private Optional<ListRequest> next = Optional.empty();

            @Override
            public Object listPage() {
                ListRequest request = next.orElseGet(() -> ListRequest.firstPage(StateOverheadBench.GROUP, PAGE));
                Page page = store.list(request);
                next = request.next(page);
                return page;
            }

            @Override
            public Object getAll100() {
                return store.getAll(BATCH_KEYS);
            }
        };
    }

    /** The hand-written side: {@link RawDynamo#list} resuming after the last id read, and {@link RawDynamo#getAll}. */
    static BulkReads of(RawDynamo raw) {
        return new BulkReads() {
            private SdkBytes after;

            @Override
            public Object listPage() {
                RawDynamo.Listing listing = raw.list(StateOverheadBench.GROUP, PAGE, after);
                after = listing.lastId();
                return listing;
            }

            @Override
            public Object getAll100() {
                return raw.getAll(StateOverheadBench.GROUP, BATCH_IDS);
            }
        };
    }
}
