package io.skystate.observability.internal;

import io.skystate.api.Skystate;
import io.skystate.api.handler.EndpointRequest;
import io.skystate.api.handler.HandlerDefinition;
import io.skystate.api.handler.Handlers;
import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * {@link Handlers} that register every handler wrapped in an {@link ObservedHandler}, so invocations are observed
 * wherever the adapter runs them (its workflow engine, its HTTP endpoint, a cloud entry point, a direct
 * {@code invoke}). Handlers registered on the plain instance are not observed. Everything else is the delegate's.
 * Thread-safe.
 */
final class ObservedHandlers implements Handlers {
    private final Handlers delegate;
    private final Telemetry telemetry;
    private final RunContexts runs;
    private final Skystate observed;

    ObservedHandlers(Handlers delegate, Telemetry telemetry, RunContexts runs, Skystate observed) {
        this.delegate = delegate;
        this.telemetry = telemetry;
        this.runs = runs;
        this.observed = observed;
    }

    @Override
    public void register(HandlerDefinition<?, ?> definition) {
        delegate.register(ObservedHandler.wrap(definition, telemetry, runs, observed));
    }

    @Override
    public Set<String> names() {
        return delegate.names();
    }

    @Override
    public byte[] invokeJson(String name, byte[] inputJson) {
        return delegate.invokeJson(name, inputJson);
    }

    @Override
    public <O> O invoke(String name, Object input, Class<O> outputType) {
        return delegate.invoke(name, input, outputType);
    }

    @Override
    public Optional<URI> endpoint(String name) {
        return delegate.endpoint(name);
    }

    @Override
    public Optional<EndpointRequest> endpointRequest(String name, byte[] inputJson) {
        return delegate.endpointRequest(name, inputJson);
    }
}
