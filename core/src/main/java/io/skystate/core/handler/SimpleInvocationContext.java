package io.skystate.core.handler;

import io.skystate.api.Skystate;
import io.skystate.api.handler.InvocationContext;
import io.skystate.api.handler.StepInvocation;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** An immutable {@link InvocationContext}; {@code step} is empty outside workflows. */
public record SimpleInvocationContext(String invocationId, int attempt, Instant deadline, String provider,
        Skystate skystate, Optional<StepInvocation> step) implements InvocationContext {
    public SimpleInvocationContext {
        Objects.requireNonNull(step, "step");
    }

    /** A context for a call outside any workflow. */
    public SimpleInvocationContext(String invocationId, int attempt, Instant deadline, String provider,
            Skystate skystate) {
        this(invocationId, attempt, deadline, provider, skystate, Optional.empty());
    }
}
