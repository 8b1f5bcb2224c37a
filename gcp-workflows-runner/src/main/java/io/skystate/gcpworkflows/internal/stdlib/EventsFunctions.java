package io.skystate.gcpworkflows.internal.stdlib;

import static io.skystate.gcpworkflows.internal.stdlib.Function.Param.optional;
import static io.skystate.gcpworkflows.internal.stdlib.Function.Param.required;

import io.skystate.gcpworkflows.internal.value.WorkflowError;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code events.create_callback_endpoint} (returns {@code {url}}) and {@code events.await_callback}
 * ({@code callback}, {@code timeout} in seconds, default 43200)
 * (https://cloud.google.com/workflows/docs/reference/stdlib/events/create_callback_endpoint, .../await_callback,
 * https://cloud.google.com/workflows/docs/creating-callback-endpoints). Stateless; the endpoints live in the
 * execution's {@link Callbacks}.
 */
final class EventsFunctions {
    static final double DEFAULT_AWAIT_SECONDS = 43200;
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH");

    private EventsFunctions() {
    }

    static void register(Registry registry) {
        registry.addBlocking("events.create_callback_endpoint", List.of(optional("http_callback_method", "POST")),
                (a, c) -> {
                    String method = Args.string(a[0], "events.create_callback_endpoint", "http_callback_method")
                            .toUpperCase(Locale.ROOT);
                    if (!METHODS.contains(method)) {
                        throw WorkflowError.valueError("events.create_callback_endpoint: unsupported method "
                                + method);
                    }
                    Map<String, Object> endpoint = new LinkedHashMap<>();
                    endpoint.put("url", c.callbacks().create(method));
                    return endpoint;
                });
        registry.addBlocking("events.await_callback", List.of(required("callback"),
                optional("timeout", DEFAULT_AWAIT_SECONDS)), (a, c) -> {
                    Object url = Args.map(a[0], "events.await_callback", "callback").get("url");
                    double seconds = Args.number(a[1], "events.await_callback", "timeout");
                    if (seconds < 0) {
                        throw WorkflowError.valueError("events.await_callback: timeout must not be negative");
                    }
                    return c.callbacks().await(Args.string(url, "events.await_callback", "callback.url"),
                            Duration.ofNanos((long) (seconds * 1e9)));
                });
    }
}
