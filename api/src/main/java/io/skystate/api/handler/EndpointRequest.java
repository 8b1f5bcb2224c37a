package io.skystate.api.handler;

import io.skystate.api.Arguments;
import java.net.URI;
import java.util.Map;

/**
 * An authenticated call of a handler endpoint: POST {@code body} (UTF-8 JSON) to {@code url} with {@code headers}.
 * The headers carry a signature over the handler name, the body, a timestamp and a one-time nonce, made with the
 * instance's key ring, so the endpoint refuses unsigned, altered, replayed and stale requests. Use each request once,
 * within {@link Handlers#REQUEST_VALIDITY} of its creation. Immutable.
 */
public record EndpointRequest(URI url, Map<String, String> headers, byte[] body) {
    public EndpointRequest {
        Arguments.notNull(url, "url");
        headers = Map.copyOf(Arguments.notNull(headers, "headers"));
        Arguments.notNull(body, "body");
    }
}
