package io.skystate.gcpworkflows.internal.server;

import com.sun.net.httpserver.HttpExchange;
import io.skystate.gcpworkflows.internal.exec.ExecutionCallbacks;
import io.skystate.gcpworkflows.internal.stdlib.CallbackRequests;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves callback URLs (https://cloud.google.com/workflows/docs/creating-callback-endpoints): a request with the
 * endpoint's method to {@code /v1/projects/P/locations/L/workflows/W/executions/E/callbacks/ID} is handed to the
 * execution's {@code events.await_callback}. 200 when accepted, 404 for an unknown endpoint or an execution that
 * ended, 405 for another method, 429 when a request is already waiting to be taken. No authentication. Thread-safe.
 */
final class CallbacksApi {
    private static final Pattern CALLBACK = Pattern.compile(
            "/v1/(projects/[^/]+/locations/[^/]+/workflows/[^/]+/executions/[^/]+)/callbacks/([^/]+)");

    private final Engine engine;

    CallbacksApi(Engine engine) {
        this.engine = engine;
    }

    boolean handles(String path) {
        return CALLBACK.matcher(path).matches();
    }

    void handle(HttpExchange exchange, String path, String method) throws IOException {
        Matcher matcher = CALLBACK.matcher(path);
        if (!matcher.matches()) {
            throw ApiError.notFound("no callback endpoint at " + path);
        }
        byte[] body = HttpExchanges.body(exchange);
        Map<String, List<String>> headers = exchange.getRequestHeaders();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        Map<String, Object> request = CallbackRequests.toEvent(method, path, rawQuery, headers,
                HttpExchanges.query(exchange), body);
        ExecutionCallbacks.Delivery delivery = engine.deliverCallback(matcher.group(1), matcher.group(2), method,
                request);
        if (delivery != ExecutionCallbacks.Delivery.ACCEPTED) {
            throw new ApiError(delivery.status(), delivery.name(), "callback not delivered: "
                    + delivery.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        }
        HttpExchanges.send(exchange, 200, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
    }
}
