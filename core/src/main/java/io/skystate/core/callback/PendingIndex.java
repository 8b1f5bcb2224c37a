package io.skystate.core.callback;

import io.skystate.api.state.Key;
import io.skystate.api.state.ListRequest;
import io.skystate.api.state.Page;
import io.skystate.api.state.PutOptions;
import io.skystate.api.state.StateEntry;
import io.skystate.api.state.StateStore;
import io.skystate.api.state.StateValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The sweep's index of callbacks that may need it, ordered by when: entry id {@code <due, 13 digits>-<callback id>}
 * in group {@value #GROUP}, so listing yields the earliest due first and a sweep reads only what is due (plus at
 * most a short page when nothing is) instead of every pending callback. An entry is due at the callback's deadline, or shortly after a resolution
 * whose completion message may still be owed. Heartbeats do not move entries: a sweep that finds a callback not yet
 * due moves its entry to the new deadline. Thread-safe if the store is.
 */
final class PendingIndex {
    static final String GROUP = "pending";
    /** The largest page a sweep lists (a due burst); {@link #FIRST_PAGE} is the one it starts with. */
    static final int MAX_PAGE = 100;
    /** The first page of every sweep: small, since usually nothing or little is due. */
    static final int FIRST_PAGE = 8;

    private final StateStore store;

    PendingIndex(StateStore store) {
        this.store = store;
    }

    /** Adds an entry due at {@code due} for callback {@code id}, kept until {@code retainUntil}; returns its id. */
    String add(String id, long due, Instant retainUntil) {
        String entry = String.format("%013d-%s", Math.max(0, due), id);
        store.put(new Key(GROUP, entry), StateValue.json("{}"), PutOptions.always().expiringAt(retainUntil));
        return entry;
    }

    void remove(String entry) {
        if (entry != null) {
            store.delete(new Key(GROUP, entry));
        }
    }

    /**
     * Entries due at or before {@code now}, earliest first: {@code pageSize} of them, or fewer when the index holds
     * no more that are due. A store that drops expired records from a page after reading them (DynamoDB before its
     * TTL deletes them) may return a short page with a cursor; the listing then goes on, so expired entries at the
     * head of the index cannot hide the due ones behind them.
     */
    List<Due> due(long now, int pageSize) {
        List<Due> due = new ArrayList<>();
        Optional<ListRequest> request = Optional.of(ListRequest.firstPage(GROUP, pageSize));
        while (request.isPresent() && due.size() < pageSize) {
            Page page = store.list(request.get());
            for (StateEntry entry : page.entries()) {
                Due parsed = parse(entry.key().id());
                if (parsed.due() > now) {
                    return due;
                }
                due.add(parsed);
            }
            request = request.get().next(page);
        }
        return due;
    }

    /** An entry: its id, when it is due, and its callback. Entries of the old form (the bare callback id) are due at once. */
    record Due(String entry, long due, String callbackId) {
    }

    private static Due parse(String entry) {
        int dash = entry.indexOf('-');
        Optional<Long> due = dash == 13 ? parseLong(entry.substring(0, dash)) : Optional.empty();
        return due.map(d -> new Due(entry, d, entry.substring(dash + 1))).orElseGet(() -> new Due(entry, 0, entry));
    }

    private static Optional<Long> parseLong(String digits) {
        try {
            return Optional.of(Long.parseLong(digits));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
