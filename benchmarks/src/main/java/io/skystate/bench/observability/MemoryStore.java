package io.skystate.bench.observability;

import io.skystate.api.Codec;
import io.skystate.api.Skystate;
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
import java.lang.reflect.Proxy;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A state store that keeps entries in a map and does nothing else (get and put only), behind a {@link Skystate}
 * that offers only it: observing it measures what the decorator itself costs per call, without SQLite around it.
 * Thread-safe.
 */
final class MemoryStore implements StateStore {
    private static final Version VERSION = new Version("1");

    private final Map<Key, StateEntry> entries = new ConcurrentHashMap<>();
    private final Codec codec;

    private MemoryStore(Codec codec) {
        this.codec = codec;
    }

    /** A Skystate whose every store is one MemoryStore; its other services are absent. */
    static Skystate skystate(Codec codec) {
        MemoryStore store = new MemoryStore(codec);
        return (Skystate) Proxy.newProxyInstance(Skystate.class.getClassLoader(), new Class<?>[] {Skystate.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "stateStore" -> store;
                    case "provider" -> "memory";
                    case "codec" -> codec;
                    case "close" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public Optional<StateEntry> get(Key key) {
        return Optional.ofNullable(entries.get(key));
    }

    @Override
    public Map<Key, StateEntry> getAll(Collection<Key> keys) {
        throw new UnsupportedOperationException("getAll");
    }

    @Override
    public Version put(Key key, StateValue value, PutOptions options) {
        entries.put(key, new StateEntry(key, value, VERSION, Optional.empty()));
        return VERSION;
    }

    @Override
    public boolean delete(Key key, Condition condition) {
        throw new UnsupportedOperationException("delete");
    }

    @Override
    public Map<Key, Version> transact(Transaction transaction) {
        throw new UnsupportedOperationException("transact");
    }

    @Override
    public Page list(ListRequest request) {
        throw new UnsupportedOperationException("list");
    }

    @Override
    public Codec codec() {
        return codec;
    }

    @Override
    public <T> Optional<T> unwrap(Class<T> type) {
        return Optional.empty();
    }
}
