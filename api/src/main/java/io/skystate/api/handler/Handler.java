package io.skystate.api.handler;

/**
 * A stateless function from input to output that also sees its {@link InvocationContext}. Handlers are invoked
 * <b>at least once</b> on every provider (retries, redelivered messages, re-run workflow steps), so a handler with
 * side effects should be made idempotent (see {@link io.skystate.api.idempotency.Idempotency}). Implementations
 * must be thread-safe: one instance serves concurrent invocations.
 */
@FunctionalInterface
public interface Handler<I, O> {
    O handle(I input, InvocationContext context) throws Exception;
}
