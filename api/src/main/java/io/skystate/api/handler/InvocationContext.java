package io.skystate.api.handler;

import io.skystate.api.Skystate;
import java.time.Instant;
import java.util.Optional;

/**
 * What a handler knows about its invocation: its invocation id, the attempt number, the deadline by which it must
 * finish, the provider id, the application's services, and the workflow step it runs for, if any. Handlers run at
 * least once, so use {@link #invocationId()} as the idempotency key of their side effects.
 */
public interface InvocationContext {
    /**
     * The same for every attempt and every redelivery of one logical invocation, on every adapter: for a workflow
     * step, one execution of the step (its retries share the id; a loop that reaches the step again starts a new
     * invocation; a {@linkplain io.skystate.api.workflow.Workflows#redrive redriven} step is a new one too; each
     * compensation of a step is one invocation too); for a direct or HTTP invocation, the call. Different invocations
     * have different ids. A workflow step's id is derived from the run, the step's path and which execution of the
     * step it is, never drawn at random, so it survives an engine crash or restart; treat it as opaque text of at
     * most 512 characters.
     */
    String invocationId();

    /** 1 for the first attempt of the invocation, then 2, 3, ... for its retries. */
    int attempt();

    Instant deadline();

    String provider();

    Skystate skystate();

    /** The workflow step this invocation runs for; empty outside workflows. */
    default Optional<StepInvocation> step() {
        return Optional.empty();
    }
}
