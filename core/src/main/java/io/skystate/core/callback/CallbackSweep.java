package io.skystate.core.callback;

import io.skystate.api.VersionConflictException;
import io.skystate.api.callback.CallbackStatus;
import io.skystate.api.state.PutOptions;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * One sweep of {@link StoreBackedCallbacks}: walks the due entries of the {@link PendingIndex} and, for each, times
 * the callback out, sends the completion message still owed, or moves the entry to when the callback is next due
 * (heartbeats, a resolver still sending). Reads nothing that is not due. Not thread-safe: one per sweep.
 */
final class CallbackSweep {
    /** Most index pages one sweep settles; the rest wait for the next sweep. */
    private static final int MAX_PAGES = 10;

    private final StoreBackedCallbacks callbacks;
    private final PendingIndex pending;
    private final Clock clock;

    CallbackSweep(StoreBackedCallbacks callbacks, PendingIndex pending, Clock clock) {
        this.callbacks = callbacks;
        this.pending = pending;
        this.clock = clock;
    }

    /** Settles what is due, a few index pages at most; returns how many callbacks it settled. */
    int run() {
        int handled = 0;
        for (int round = 0; round < MAX_PAGES; round++) {
            List<PendingIndex.Due> due = pending.due(clock.millis());
            for (PendingIndex.Due entry : due) {
                handled += settle(entry) ? 1 : 0;
            }
            if (due.isEmpty()) {
                break;
            }
        }
        return handled;
    }

    /** Settles one due entry: time the callback out, notify, or move the entry to when it is next due. */
    private boolean settle(PendingIndex.Due entry) {
        Optional<StoreBackedCallbacks.Loaded> loaded = callbacks.load(entry.callbackId());
        if (loaded.isEmpty()) {
            pending.remove(entry.entry());
            return true;
        }
        StoreBackedCallbacks.Loaded current = loaded.get();
        CallbackRecord record = current.record();
        long now = clock.millis();
        if (record.overdue(now)) {
            callbacks.timeOut(current);
            pending.remove(entry.entry());
            return true;
        }
        if (record.status() == CallbackStatus.PENDING) {
            reindex(current, entry.entry(), record.deadline()); // heartbeats moved the deadline
            return false;
        }
        long grace = StoreBackedCallbacks.NOTIFY_GRACE.toMillis();
        if (!record.notified() && record.resolvedAt() != null && now - record.resolvedAt() < grace) {
            reindex(current, entry.entry(), record.resolvedAt() + grace);
            return false; // the resolver is still sending; the sweep covers a resolver that crashed
        }
        callbacks.notifyResolution(current.id(), current);
        pending.remove(entry.entry());
        return true;
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
