package io.skystate.bench.scaling;

import io.skystate.api.Codec;
import io.skystate.api.VersionConflictException;
import io.skystate.api.state.Condition;
import io.skystate.api.state.Key;
import io.skystate.api.state.ListRequest;
import io.skystate.api.state.Page;
import io.skystate.api.state.PutOptions;
import io.skystate.api.state.StateEntry;
import io.skystate.api.state.StateStore;
import io.skystate.api.state.StateValue;
import io.skystate.api.state.Transaction;
import io.skystate.api.state.Version;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link StateStore} that forwards every call to another store and counts the calls by kind (and the records a
 * list returned, and version conflicts), so a benchmark can say how many store round trips an operation costs.
 */
final class CountingStore implements StateStore {
    final AtomicLong gets = new AtomicLong();
    final AtomicLong puts = new AtomicLong();
    final AtomicLong deletes = new AtomicLong();
    final AtomicLong lists = new AtomicLong();
    final AtomicLong listed = new AtomicLong();
    final AtomicLong conflicts = new AtomicLong();
    private final StateStore delegate;

    CountingStore(StateStore delegate) {
        this.delegate = delegate;
    }

    /** The counters now: gets, puts, deletes, lists, records listed, conflicts. */
    long[] snapshot() {
        return new long[] {gets.get(), puts.get(), deletes.get(), lists.get(), listed.get(), conflicts.get()};
    }

    /** All calls (gets + puts + deletes + lists) in a snapshot. */
    static long calls(long[] s) {
        return s[0] + s[1] + s[2] + s[3];
    }

    static long[] minus(long[] after, long[] before) {
        long[] d = new long[after.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = after[i] - before[i];
        }
        return d;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public Optional<StateEntry> get(Key key) {
        gets.incrementAndGet();
        return delegate.get(key);
    }

    @Override
    public Map<Key, StateEntry> getAll(Collection<Key> keys) {
        gets.incrementAndGet();
        return delegate.getAll(keys);
    }

    @Override
    public Version put(Key key, StateValue value, PutOptions options) {
        puts.incrementAndGet();
        try {
            return delegate.put(key, value, options);
        } catch (VersionConflictException e) {
            conflicts.incrementAndGet();
            throw e;
        }
    }

    @Override
    public boolean delete(Key key, Condition condition) {
        deletes.incrementAndGet();
        return delegate.delete(key, condition);
    }

    @Override
    public Map<Key, Version> transact(Transaction transaction) {
        puts.incrementAndGet();
        return delegate.transact(transaction);
    }

    @Override
    public Page list(ListRequest request) {
        lists.incrementAndGet();
        Page page = delegate.list(request);
        listed.addAndGet(page.entries().size());
        return page;
    }

    @Override
    public Codec codec() {
        return delegate.codec();
    }

    @Override
    public <T> Optional<T> unwrap(Class<T> type) {
        return delegate.unwrap(type);
    }
}
