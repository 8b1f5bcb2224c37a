package io.skystate.observability.internal;

import io.opentelemetry.context.Context;
import io.skystate.api.Capabilities;
import io.skystate.api.Codec;
import io.skystate.api.Skystate;
import io.skystate.api.callback.Callbacks;
import io.skystate.api.handler.Handlers;
import io.skystate.api.idempotency.Idempotency;
import io.skystate.api.queue.MessageQueue;
import io.skystate.api.queue.ReceivedMessage;
import io.skystate.api.session.Sessions;
import io.skystate.api.state.StateStore;
import io.skystate.api.workflow.Workflows;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link Skystate} whose state stores, queues, callbacks, handlers and workflows are observed; sessions and
 * idempotency are the delegate's (their store calls go to the plain instance and are not observed). Services are
 * wrapped on first use, so an adapter's lazily built ones stay lazy; stores and queues are wrapped once per name.
 * Closing closes the delegate. Thread-safe.
 */
public final class ObservedSkystate implements Skystate {
    private final Skystate delegate;
    private final Telemetry telemetry;
    private final StoredContexts stored;
    private final RunContexts runs;
    private final ConcurrentMap<String, ObservedStateStore> stores = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, ObservedQueue> queues = new ConcurrentHashMap<>();
    private final Memo<ObservedCallbacks> callbacks;
    private final Memo<ObservedHandlers> handlers;
    private final Memo<ObservedWorkflows> workflows;
    private final RunSampler sampler;

    public ObservedSkystate(Skystate delegate, Telemetry telemetry, Settings settings) {
        this.delegate = delegate;
        this.telemetry = telemetry;
        this.stored = new StoredContexts(() -> delegate.stateStore(settings.contextStore()), delegate.codec());
        this.runs = new RunContexts(stored, telemetry, settings.contextTtl());
        String provider = delegate.provider();
        this.callbacks = new Memo<>(() -> new ObservedCallbacks(delegate.callbacks(), telemetry,
                new CallbackContexts(stored, telemetry), provider));
        this.handlers = new Memo<>(() -> new ObservedHandlers(delegate.handlers(), telemetry, runs, this));
        this.workflows = new Memo<>(() -> new ObservedWorkflows(delegate.workflows(), telemetry, runs, provider));
        this.sampler = settings.runSampling().filter(p -> telemetry.metrics())
                .map(period -> new RunSampler(delegate::workflows, telemetry.registry(), period)).orElse(null);
    }

    /** The producer's trace context of {@code message}, if this instance received it and has not acknowledged it. */
    public Optional<Context> messageContext(ReceivedMessage message) {
        for (ObservedQueue queue : queues.values()) {
            Optional<Context> context = queue.producerContext(message.receipt());
            if (context.isPresent()) {
                return context;
            }
        }
        return Optional.empty();
    }

    /** The plain instance this one observes. */
    public Skystate delegate() {
        return delegate;
    }

    @Override
    public String provider() {
        return delegate.provider();
    }

    @Override
    public Capabilities capabilities() {
        return delegate.capabilities();
    }

    @Override
    public StateStore stateStore(String name) {
        ObservedStateStore store = stores.get(name);
        return store != null ? store
                : stores.computeIfAbsent(name, n -> new ObservedStateStore(delegate.stateStore(n), telemetry, provider()));
    }

    @Override
    public MessageQueue queue(String name) {
        ObservedQueue queue = queues.get(name);
        return queue != null ? queue
                : queues.computeIfAbsent(name, n -> new ObservedQueue(delegate.queue(n), telemetry, provider()));
    }

    @Override
    public Callbacks callbacks() {
        return callbacks.get();
    }

    @Override
    public Handlers handlers() {
        return handlers.get();
    }

    @Override
    public Idempotency idempotency() {
        return delegate.idempotency();
    }

    @Override
    public Sessions sessions() {
        return delegate.sessions();
    }

    @Override
    public Workflows workflows() {
        return workflows.get();
    }

    @Override
    public Codec codec() {
        return delegate.codec();
    }

    /** This instance for {@code ObservedSkystate}; otherwise the delegate's answer. */
    @Override
    public <T> Optional<T> unwrap(Class<T> type) {
        return type.isInstance(this) ? Optional.of(type.cast(this)) : delegate.unwrap(type);
    }

    @Override
    public void close() {
        if (sampler != null) {
            sampler.close();
        }
        delegate.close();
    }
}
