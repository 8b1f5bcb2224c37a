package io.skystate.gcpworkflows.internal.stdlib;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the value {@code events.await_callback} returns for a received HTTP request
 * (https://cloud.google.com/workflows/docs/reference/stdlib/events/await_callback):
 * {@code {http_request: {body, headers, method, query, url}, received_time, type: "HTTP"}}. A JSON body is decoded,
 * a text body stays a string, others are bytes; header names are lower-case; {@code query} maps each parameter to
 * its list of values; {@code received_time} is RFC 3339. Stateless.
 */
public final class CallbackRequests {
    private CallbackRequests() {
    }

    public static Map<String, Object> toEvent(String method, String path, String rawQuery,
                                              Map<String, List<String>> headers, Map<String, List<String>> query,
                                              byte[] body) {
        Map<String, Object> headerMap = new LinkedHashMap<>();
        String contentType = "";
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            headerMap.put(name, String.join(", ", header.getValue()));
            if (name.equals("content-type")) {
                contentType = String.join(", ", header.getValue()).toLowerCase(Locale.ROOT);
            }
        }
        Map<String, Object> queryMap = new LinkedHashMap<>();
        query.forEach((key, values) -> queryMap.put(key, new ArrayList<Object>(values)));
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("body", HttpCall.decodeBody(body, contentType));
        request.put("headers", headerMap);
        request.put("method", method);
        request.put("query", queryMap);
        request.put("url", rawQuery == null ? path : path + "?" + rawQuery);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("http_request", request);
        event.put("received_time", Instant.now().toString());
        event.put("type", "HTTP");
        return event;
    }
}
