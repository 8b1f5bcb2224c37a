package io.skystate.api.handler;

import io.skystate.api.Arguments;
import io.skystate.api.InvalidRequestException;
import java.util.function.Function;

/**
 * A named handler with its input and output types (JSON-decoded and -encoded with the provider's codec). Names
 * are 1-64 chars of letters, digits, {@code -} and {@code _} (valid Lambda, Azure and Cloud Functions names).
 */
public record HandlerDefinition<I, O>(String name, Class<I> inputType, Class<O> outputType, Handler<I, O> handler) {
    public HandlerDefinition {
        if (!Arguments.isName(name, 64, true, "_-")) {
            throw new InvalidRequestException("skystate",
                    "handler name must be 1-64 chars of [A-Za-z0-9_-] starting with a letter: '" + name + "'");
        }
        Arguments.notNull(inputType, "inputType");
        Arguments.notNull(outputType, "outputType");
        Arguments.notNull(handler, "handler");
    }

    public static <I, O> HandlerDefinition<I, O> of(String name, Class<I> in, Class<O> out, Handler<I, O> handler) {
        return new HandlerDefinition<>(name, in, out, handler);
    }

    /** A handler from a plain {@link Function}, which ignores the context. */
    public static <I, O> HandlerDefinition<I, O> ofFunction(String name, Class<I> in, Class<O> out,
            Function<I, O> function) {
        Arguments.notNull(function, "function");
        return new HandlerDefinition<>(name, in, out, (input, context) -> function.apply(input));
    }
}
