package io.skystate.core.handler;

import io.skystate.api.Skystate;
import io.skystate.api.handler.InvocationContext;
import java.time.Instant;

/** An immutable {@link InvocationContext}. */
public record SimpleInvocationContext(String invocationId, int attempt, Instant deadline, String provider,
        Skystate skystate) implements InvocationContext {
}
