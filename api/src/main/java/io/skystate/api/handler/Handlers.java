package io.skystate.api.handler;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * The application's named handlers. {@link #invoke} runs a handler the way the provider would (JSON in, JSON out),
 * so application code and tests call handlers exactly as the cloud does. Handler exceptions surface as
 * {@link HandlerFailedException} with the original as cause; unknown names as {@link HandlerNotFoundException}.
 *
 * <p><b>HTTP endpoints.</b> Where the provider serves handlers over HTTP (capability {@code HANDLER_ENDPOINTS}, off
 * by default on public entry points), every call must be signed: build it with {@link #endpointRequest}. Unsigned,
 * altered, replayed or stale requests are refused with 401 before any handler runs. Thread-safe.
 */
public interface Handlers {
    /** How long a signed {@link EndpointRequest} stays acceptable (and the clock skew the endpoint tolerates). */
    java.time.Duration REQUEST_VALIDITY = java.time.Duration.ofMinutes(5);

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

    /**
     * A signed, single-use request that invokes handler {@code name} with {@code inputJson} over HTTP, also when
     * {@code name} is registered only in the process that serves it; empty when the provider serves no handler
     * endpoints. Signed with the instance's callback key ring (through a key derived for this purpose only), so the
     * caller and the serving instance must share that ring.
     */
    Optional<EndpointRequest> endpointRequest(String name, byte[] inputJson);
}
