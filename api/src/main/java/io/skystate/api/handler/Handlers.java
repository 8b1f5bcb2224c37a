package io.skystate.api.handler;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * The application's named handlers. {@link #invoke} runs a handler the way the provider would (JSON in, JSON out),
 * so application code and tests call handlers exactly as the cloud does. Handler exceptions surface as
 * {@link HandlerFailedException} with the original as cause; unknown names as {@link HandlerNotFoundException}.
 * Thread-safe.
 */
public interface Handlers {
    /** Registers (or replaces) a handler under its name. */
    void register(HandlerDefinition<?, ?> definition);

    /** The names of the registered handlers. */
    Set<String> names();

    /** Invokes by name with UTF-8 JSON input; returns UTF-8 JSON output. */
    byte[] invokeJson(String name, byte[] inputJson);

    /** Invokes by name, encoding {@code input} and decoding the output as {@code outputType}. */
    <O> O invoke(String name, Object input, Class<O> outputType);

    /** Where the provider serves this handler over HTTP (POST JSON), if it does. */
    Optional<URI> endpoint(String name);
}
