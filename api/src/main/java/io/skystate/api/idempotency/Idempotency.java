package io.skystate.api.idempotency;

import io.skystate.api.handler.HandlerDefinition;
import java.util.function.Function;

/**
 * Makes handlers idempotent. The wrapped handler derives an idempotency key from its input; the first invocation
 * with a key claims it (an in-progress record, written with a create-if-absent condition), runs, and stores its
 * result. Duplicates — sequential or concurrent, in any process sharing the store — get that stored result without
 * running the handler. The same key with a different payload raises {@link IdempotencyKeyReusedException}. A run
 * that throws releases its claim, so a retry runs again; the failure is never recorded as a result. Results
 * expire after {@link IdempotencyOptions#resultTtl()}. Invoked through {@link io.skystate.api.handler.Handlers},
 * these errors arrive as the cause of a {@link io.skystate.api.handler.HandlerFailedException}. Thread-safe.
 */
public interface Idempotency {
    /** A handler with the same name and types as {@code handler}, made idempotent on {@code keyOf(input)}. */
    <I, O> HandlerDefinition<I, O> wrap(HandlerDefinition<I, O> handler, Function<I, String> keyOf,
            IdempotencyOptions options);

    /** {@link #wrap(HandlerDefinition, Function, IdempotencyOptions)} with {@link IdempotencyOptions#defaults()}. */
    default <I, O> HandlerDefinition<I, O> wrap(HandlerDefinition<I, O> handler, Function<I, String> keyOf) {
        return wrap(handler, keyOf, IdempotencyOptions.defaults());
    }
}
