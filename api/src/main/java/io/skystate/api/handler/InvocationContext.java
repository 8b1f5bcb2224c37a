package io.skystate.api.handler;

import io.skystate.api.Skystate;
import java.time.Instant;

/**
 * What a handler knows about its invocation: a unique invocation id (the same across retries of one logical
 * invocation where the provider allows), the attempt number (1 for the first), the deadline by which it must
 * finish, the provider id, and the application's services.
 */
public interface InvocationContext {
    String invocationId();

    int attempt();

    Instant deadline();

    String provider();

    Skystate skystate();
}
