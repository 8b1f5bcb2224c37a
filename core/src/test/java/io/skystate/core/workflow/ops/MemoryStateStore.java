package io.skystate.core.workflow.ops;

import io.skystate.api.AlreadyExistsException;
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
import io.skystate.api.state.TransactionFailedException;
import io.skystate.api.state.TransactionOperation;
import io.skystate.api.state.Version;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A state store in memory with the semantics the workflow building blocks rely on: versions, conditional writes,
 * all-or-nothing transactions and listing in UTF-8 key order with cursors. No expiry. Thread-safe (one lock).
 */
final class MemoryStateStore implements StateStore {
    private final TreeMap<Key, StateEntry> records = new TreeMap<>();
    private final Codec codec;
    private long versions;

    MemoryStateStore(Codec codec) {
        this.codec = codec;
    }

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public synchronized Optional<StateEntry> get(Key key) {
        return Optional.ofNullable(records.get(key));
    }

    @Override
    public synchronized Map<Key, StateEntry> getAll(Collection<Key> keys) {
        Map<Key, StateEntry> found = new HashMap<>();
        keys.forEach(k -> get(k).ifPresent(e -> found.put(k, e)));
        return found;
    }

    @Override
    public synchronized Version put(Key key, StateValue value, PutOptions options) {
        check(key, options.condition());
        return write(key, value);
    }

    @Override
    public synchronized boolean delete(Key key, Condition condition) {
        check(key, condition);
        return records.remove(key) != null;
    }

    @Override
    public synchronized Map<Key, Version> transact(Transaction transaction) {
        List<TransactionOperation> ops = transaction.operations();
        for (int i = 0; i < ops.size(); i++) {
            Condition condition = ops.get(i) instanceof TransactionOperation.Put put ? put.options().condition()
                    : ops.get(i) instanceof TransactionOperation.Delete delete ? delete.condition()
                    : ((TransactionOperation.Check) ops.get(i)).condition();
            try {
                check(ops.get(i).key(), condition);
            } catch (AlreadyExistsException | VersionConflictException e) {
                throw new TransactionFailedException("memory", i, TransactionFailedException.Reason.CONDITION_FAILED,
                        e.getMessage(), e);
            }
        }
        Map<Key, Version> written = new HashMap<>();
        for (TransactionOperation op : ops) {
            if (op instanceof TransactionOperation.Put put) {
                written.put(put.key(), write(put.key(), put.value()));
            } else if (op instanceof TransactionOperation.Delete) {
                records.remove(op.key());
            }
        }
        return written;
    }

    @Override
    public synchronized Page list(ListRequest request) {
        List<StateEntry> page = new ArrayList<>();
        Map<Key, StateEntry> from = request.cursor().isPresent()
                ? records.tailMap(new Key(request.group(), request.cursor().get()), false)
                : records.tailMap(new Key(request.group(), "\u0000"), true);
        for (StateEntry entry : from.values()) {
            if (!entry.key().group().equals(request.group()) || page.size() == request.pageSize()) {
                break;
            }
            page.add(entry);
        }
        boolean more = !page.isEmpty() && records.higherKey(page.get(page.size() - 1).key()) != null
                && records.higherKey(page.get(page.size() - 1).key()).group().equals(request.group());
        return new Page(page, more ? Optional.of(page.get(page.size() - 1).key().id()) : Optional.empty());
    }

    @Override
    public Codec codec() {
        return codec;
    }

    @Override
    public <T> Optional<T> unwrap(Class<T> type) {
        return Optional.empty();
    }

    synchronized int size() {
        return records.size();
    }

    private void check(Key key, Condition condition) {
        StateEntry current = records.get(key);
        if (condition.kind() == Condition.Kind.IF_ABSENT && current != null) {
            throw new AlreadyExistsException("memory", key + " exists");
        }
        if (condition.kind() == Condition.Kind.IF_VERSION
                && (current == null || !current.version().equals(condition.version()))) {
            throw new VersionConflictException("memory", key + " is not at version " + condition.version());
        }
    }

    private Version write(Key key, StateValue value) {
        Version version = new Version(Long.toString(++versions));
        records.put(key, new StateEntry(key, value, version, Optional.empty()));
        return version;
    }
}
