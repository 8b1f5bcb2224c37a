package io.skystate.gcpworkflows.internal.stdlib;

import static io.skystate.gcpworkflows.internal.stdlib.Function.Param.optional;
import static io.skystate.gcpworkflows.internal.stdlib.Function.Param.required;

import io.skystate.gcpworkflows.internal.value.Bytes;
import io.skystate.gcpworkflows.internal.value.JsonValues;
import io.skystate.gcpworkflows.internal.value.Values;
import io.skystate.gcpworkflows.internal.value.WorkflowError;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code http.get/post/put/patch/delete/request} (https://cloud.google.com/workflows/docs/reference/stdlib/http/get
 * etc., https://cloud.google.com/workflows/docs/http-requests): real HTTP/1.1 calls. A map or list body is sent as
 * JSON (or form-encoded when the Content-Type header says so), a string as text, bytes as they are. {@code auth}
 * ({@code OIDC} or {@code OAuth2}) is accepted and logged, never applied: there is no Google identity locally.
 * Stateless; the work is done by {@link HttpCall}.
 */
final class HttpFunctions {
    /** The default {@code timeout}, in seconds, of Workflows HTTP calls. */
    static final double DEFAULT_TIMEOUT_SECONDS = 300;

    private HttpFunctions() {
    }

    static void register(Registry registry) {
        for (String method : List.of("get", "post", "put", "patch", "delete")) {
            String name = "http." + method;
            registry.addBlocking(name, List.of(required("url"), optional("timeout", DEFAULT_TIMEOUT_SECONDS),
                    optional("body", null), optional("headers", null), optional("query", null),
                    optional("auth", null)), (a, c) -> call(name, method.toUpperCase(Locale.ROOT), a[0], a[1], a[2],
                    a[3], a[4], a[5], c));
        }
        registry.addBlocking("http.request", List.of(required("method"), required("url"),
                optional("timeout", DEFAULT_TIMEOUT_SECONDS), optional("body", null), optional("headers", null),
                optional("query", null), optional("auth", null)), (a, c) -> call("http.request",
                Args.string(a[0], "http.request", "method").toUpperCase(Locale.ROOT), a[1], a[2], a[3], a[4], a[5],
                a[6], c));
    }

    private static Object call(String function, String method, Object url, Object timeout, Object body,
                               Object headers, Object query, Object auth, CallContext context) {
        String target = Args.string(url, function, "url") + queryString(query, function);
        double seconds = Args.number(timeout, function, "timeout");
        if (seconds <= 0 || seconds > 1800) {
            throw WorkflowError.valueError(function + ": timeout must be in (0, 1800] seconds");
        }
        Map<String, String> headerMap = new java.util.LinkedHashMap<>();
        if (headers != null) {
            Args.map(headers, function, "headers").forEach((key, value) -> headerMap.put(key, headerValue(value,
                    function)));
        }
        if (auth != null) {
            Object type = Args.map(auth, function, "auth").get("type");
            if (!"OIDC".equals(type) && !"OAuth2".equals(type)) {
                throw WorkflowError.valueError(function + ": auth.type must be OIDC or OAuth2");
            }
            context.log("NOTICE", "Skystate's Workflows runner: auth type " + type + " for " + method + " " + target
                    + " is not applied (no Google identity locally); the request is sent without credentials");
        }
        return new HttpCall(method, target, seconds, headerMap, requestBody(body, headerMap, function), context)
                .send();
    }

    private static String headerValue(Object value, String function) {
        if (value instanceof String || Values.isNumber(value) || value instanceof Boolean) {
            return Values.toText(value);
        }
        throw Args.wrongType(function, "headers", "a map of strings", value);
    }

    private static String queryString(Object query, String function) {
        if (query == null) {
            return "";
        }
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<String, Object> entry : Args.map(query, function, "query").entrySet()) {
            List<?> values = entry.getValue() instanceof List<?> list ? list : List.of(entry.getValue());
            for (Object value : values) {
                pairs.add(encode(entry.getKey()) + "=" + encode(headerValue(value, function)));
            }
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    private static byte[] requestBody(Object body, Map<String, String> headers, String function) {
        if (body == null) {
            return null;
        }
        String contentType = headers.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase("Content-Type"))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (body instanceof Bytes bytes) {
            return bytes.toArray();
        }
        if (body instanceof String text && (contentType == null || !contentType.contains("json"))) {
            headers.putIfAbsent("Content-Type", "text/plain; charset=utf-8");
            return text.getBytes(StandardCharsets.UTF_8);
        }
        if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")
                && body instanceof Map<?, ?>) {
            return queryString(body, function).substring(1).getBytes(StandardCharsets.UTF_8);
        }
        if (contentType == null) {
            headers.put("Content-Type", "application/json");
        }
        return JsonValues.write(body).getBytes(StandardCharsets.UTF_8);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
