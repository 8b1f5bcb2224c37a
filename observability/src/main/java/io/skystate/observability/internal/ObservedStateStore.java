package io.skystate.observability.internal;

import io.micrometer.core.instrument.Tags;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.skystate.api.Codec;
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
import io.skystate.observability.SkystateMeters;
import io.skystate.observability.SkystateSpans;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link StateStore} that times every call ({@link SkystateMeters#STATE_OPERATIONS}) and traces it as a client
 * span {@code state.<operation> <store>}, a child of the current span. Results, errors and consistency are the
 * delegate's. Thread-safe.
 */
final class ObservedStateStore implements StateStore {
    private final StateStore delegate;
    private final Operation get;
    private final Operation getAll;
    private final Operation put;
    private final Operation delete;
    private final Operation transact;
    private final Operation list;

    ObservedStateStore(StateStore delegate, Telemetry telemetry, String provider) {
        this.delegate = delegate;
        this.get = operation(telemetry, provider, "get");
        this.getAll = operation(telemetry, provider, "getAll");
        this.put = operation(telemetry, provider, "put");
        this.delete = operation(telemetry, provider, "delete");
        this.transact = operation(telemetry, provider, "transact");
        this.list = operation(telemetry, provider, "list");
    }

    private Operation operation(Telemetry telemetry, String provider, String name) {
        String store = delegate.name();
        return telemetry.operation(SkystateMeters.STATE_OPERATIONS, Tags.of("store", store, "operation", name),
                "state." + name + " " + store, SpanKind.CLIENT, Attributes.of(SkystateSpans.STORE, store,
                        SkystateSpans.OPERATION, name, SkystateSpans.PROVIDER, provider));
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public Optional<StateEntry> get(Key key) {
        return get.call(() -> delegate.get(key));
    }

    @Override
    public Map<Key, StateEntry> getAll(Collection<Key> keys) {
        return getAll.call(() -> delegate.getAll(keys));
    }

    @Override
    public Version put(Key key, StateValue value, PutOptions options) {
        return put.call(() -> delegate.put(key, value, options));
    }

    @Override
    public boolean delete(Key key, Condition condition) {
        return delete.call(() -> delegate.delete(key, condition));
    }

    @Override
    public Map<Key, Version> transact(Transaction transaction) {
        return transact.call(() -> delegate.transact(transaction));
    }

    @Override
    public Page list(ListRequest request) {
        return list.call(() -> delegate.list(request));
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
