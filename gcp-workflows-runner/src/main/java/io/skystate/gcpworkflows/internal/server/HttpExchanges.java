package io.skystate.gcpworkflows.internal.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading requests and writing JSON responses on {@code com.sun.net.httpserver}. Stateless and thread-safe. */
final class HttpExchanges {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Largest request body the API accepts (a workflow source is at most 128 KB). */
    private static final int MAX_BODY_BYTES = 1024 * 1024;

    private HttpExchanges() {
    }

    static byte[] body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw ApiError.invalid("request body larger than " + MAX_BODY_BYTES + " bytes");
            }
            return bytes;
        }
    }

    static JsonNode jsonBody(HttpExchange exchange) throws IOException {
        byte[] bytes = body(exchange);
        if (bytes.length == 0) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw ApiError.invalid("request body is not valid JSON");
        }
    }

    /** Query parameters, each with all its values, in order. */
    static Map<String, List<String>> query(HttpExchange exchange) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            query.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return query;
    }

    static String queryParam(HttpExchange exchange, String name) {
        List<String> values = query(exchange).get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    static void sendJson(HttpExchange exchange, int status, JsonNode body) throws IOException {
        send(exchange, status, "application/json; charset=utf-8", JSON.writeValueAsBytes(body));
    }

    static void sendError(HttpExchange exchange, ApiError error) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode details = body.putObject("error");
        details.put("code", error.httpStatus());
        details.put("message", error.getMessage());
        details.put("status", error.status());
        sendJson(exchange, error.httpStatus(), body);
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
