package io.skystate.core.callback;

import io.skystate.api.VersionConflictException;
import io.skystate.api.callback.CallbackStatus;
import io.skystate.api.state.PutOptions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One sweep of {@link StoreBackedCallbacks}: walks the due entries of the {@link PendingIndex} and, for each, times
 * the callback out, sends the completion message still owed, or moves the entry to when the callback is next due
 * (heartbeats, a resolver still sending). Reads nothing that is not due. Not thread-safe: one per sweep.
 */
final class CallbackSweep {
    /**
     * How long one sweep keeps settling a due burst before leaving the rest to the next sweep (it always finishes the
     * page it is on). A time budget, not a page count: a page count made a burst of 10,000 take ten sweeps and nine
     * sweep intervals of idle waiting.
     */
    static final long BUDGET_NANOS = 1_000_000_000L;

    private final StoreBackedCallbacks callbacks;
    private final PendingIndex pending;
    private final Clock clock;

    CallbackSweep(StoreBackedCallbacks callbacks, PendingIndex pending, Clock clock) {
        this.callbacks = callbacks;
        this.pending = pending;
        this.clock = clock;
    }

    /**
     * Settles what is due, within {@link #BUDGET_NANOS}; returns how many callbacks it settled. Starts with a short
     * page (usually nothing is due) and lists longer pages only while whole pages are due. Each page is settled in
     * random order, and an entry that another process settled meanwhile (its record already notified, or gone)
     * makes the sweep list afresh: processes sweeping the same index at once then mostly work on different
     * callbacks, instead of all walking the same page (which cost each of them a read and a delete per callback the
     * other had settled, and races that may send a completion message twice).
     */
    int run() {
        int handled = 0;
        int pageSize = PendingIndex.FIRST_PAGE;
        long start = System.nanoTime();
        while (true) {
            List<PendingIndex.Due> due = new ArrayList<>(pending.due(clock.millis(), pageSize));
            Collections.shuffle(due, ThreadLocalRandom.current());
            boolean stale = false;
            for (int i = 0; i < due.size() && !stale; i++) {
                Outcome outcome = settle(due.get(i));
                handled += outcome == Outcome.SETTLED ? 1 : 0;
                stale = outcome == Outcome.ALREADY_SETTLED && i < due.size() - 1;
            }
            if (System.nanoTime() - start >= BUDGET_NANOS || (!stale && due.size() < pageSize)) {
                return handled;
            }
            pageSize = stale ? pageSize : Math.min(PendingIndex.MAX_PAGE, pageSize * 4);
        }
    }

    /** What settling one entry did. */
    private enum Outcome {
        /** Timed the callback out or sent its owed completion message. */
        SETTLED,
        /** Moved the entry to when the callback is next due. */
        MOVED,
        /** Removed an entry whose callback was already settled (by another process) or is gone. */
        ALREADY_SETTLED
    }

    /** Settles one due entry: time the callback out, notify, or move the entry to when it is next due. */
    private Outcome settle(PendingIndex.Due entry) {
        Optional<StoreBackedCallbacks.Loaded> loaded = callbacks.load(entry.callbackId());
        if (loaded.isEmpty()) {
            pending.remove(entry.entry());
            return Outcome.ALREADY_SETTLED;
        }
        StoreBackedCallbacks.Loaded current = loaded.get();
        CallbackRecord record = current.record();
        long now = clock.millis();
        if (record.overdue(now)) {
            callbacks.timeOut(current);
            if (!entry.entry().equals(record.pendingIndex())) {
                pending.remove(entry.entry()); // notifying removed the record's own entry; a stray one is removed here
            }
            return Outcome.SETTLED;
        }
        if (record.status() == CallbackStatus.PENDING) {
            reindex(current, entry.entry(), record.deadline()); // heartbeats moved the deadline
            return Outcome.MOVED;
        }
        long grace = StoreBackedCallbacks.NOTIFY_GRACE.toMillis();
        if (!record.notified() && record.resolvedAt() != null && now - record.resolvedAt() < grace) {
            reindex(current, entry.entry(), record.resolvedAt() + grace);
            return Outcome.MOVED; // the resolver is still sending; the sweep covers a resolver that crashed
        }
        boolean removed = callbacks.notifyResolution(current.id(), current);
        if (!removed || !entry.entry().equals(record.pendingIndex())) {
            pending.remove(entry.entry());
        }
        return removed ? Outcome.SETTLED : Outcome.ALREADY_SETTLED;
    }

    /** Moves a callback's index entry to {@code due}; a concurrent change of the record leaves it to the next sweep. */
    private void reindex(StoreBackedCallbacks.Loaded loaded, String oldEntry, long due) {
        String entry = pending.add(loaded.id(), due, StoreBackedCallbacks.retainUntil(loaded.record().expiresAt()));
        try {
            callbacks.write(loaded.id(), loaded.record().indexedAs(entry), PutOptions.ifVersion(loaded.entry().version()));
        } catch (VersionConflictException raced) {
            pending.remove(entry);
            return;
        }
        if (!entry.equals(oldEntry)) {
            pending.remove(oldEntry);
        }
    }
}
