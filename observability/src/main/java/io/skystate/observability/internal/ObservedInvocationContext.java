package io.skystate.observability.internal;

import io.skystate.api.Skystate;
import io.skystate.api.handler.InvocationContext;
import io.skystate.api.handler.StepInvocation;
import java.time.Instant;
import java.util.Optional;

/**
 * The adapter's {@link InvocationContext} with one change: {@link #skystate()} is the observed instance, so a
 * handler's own calls through its context are observed too (as children of its span). Immutable.
 */
record ObservedInvocationContext(InvocationContext delegate, Skystate skystate) implements InvocationContext {
    @Override
    public String invocationId() {
        return delegate.invocationId();
    }

    @Override
    public int attempt() {
        return delegate.attempt();
    }

    @Override
    public Instant deadline() {
        return delegate.deadline();
    }

    @Override
    public String provider() {
        return delegate.provider();
    }

    @Override
    public Optional<StepInvocation> step() {
        return delegate.step();
    }
}
