package io.skystate.cli.internal.dashboard;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** One request and its response: query and form parameters, cookies, and the ways to answer. */
final class Exchange {
    /** Largest form body read; callback results are at most 256 KiB, and forms carry little else. */
    private static final int MAX_FORM_BYTES = 512 * 1024;

    private final HttpExchange http;
    private final Map<String, String> query;
    private Map<String, String> form;

    Exchange(HttpExchange http) {
        this.http = http;
        this.query = parse(http.getRequestURI().getRawQuery());
    }

    String method() {
        return http.getRequestMethod();
    }

    String path() {
        return http.getRequestURI().getPath();
    }

    Optional<String> header(String name) {
        return Optional.ofNullable(http.getRequestHeaders().getFirst(name));
    }

    /** A query parameter; blank counts as absent. */
    Optional<String> query(String name) {
        return Optional.ofNullable(query.get(name)).filter(s -> !s.isBlank());
    }

    /** A field of the urlencoded POST body; blank counts as absent. */
    Optional<String> form(String name) throws IOException {
        if (form == null) {
            byte[] body = http.getRequestBody().readNBytes(MAX_FORM_BYTES + 1);
            if (body.length > MAX_FORM_BYTES) {
                throw new IOException("form larger than " + MAX_FORM_BYTES + " bytes");
            }
            form = parse(new String(body, StandardCharsets.UTF_8));
        }
        return Optional.ofNullable(form.get(name)).filter(s -> !s.isBlank());
    }

    Optional<String> cookie(String name) {
        for (String header : http.getRequestHeaders().getOrDefault("Cookie", java.util.List.of())) {
            for (String part : header.split(";")) {
                String[] pair = part.trim().split("=", 2);
                if (pair.length == 2 && pair[0].equals(name)) {
                    return Optional.of(pair[1]);
                }
            }
        }
        return Optional.empty();
    }

    void setCookie(String value) {
        http.getResponseHeaders().add("Set-Cookie", value);
    }

    void html(int status, String page) throws IOException {
        send(status, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
    }

    void send(int status, String contentType, byte[] body) throws IOException {
        var headers = http.getResponseHeaders();
        headers.set("Content-Type", contentType);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "same-origin"); // "no-referrer" makes browsers send Origin: null on POSTs
        // Mermaid writes <style> into the SVGs it draws, hence style-src 'unsafe-inline'; scripts only from here.
        headers.set("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline';"
                + " img-src 'self' data:; frame-ancestors 'none'; form-action 'self'");
        if (!contentType.startsWith("text/html")) {
            headers.set("Cache-Control", "max-age=3600");
        } else {
            headers.set("Cache-Control", "no-store");
        }
        http.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = http.getResponseBody()) {
            out.write(body);
        }
    }

    /** 303 See Other: after a POST, the browser GETs {@code location}. */
    void redirect(String location) throws IOException {
        http.getResponseHeaders().set("Location", location);
        http.getResponseHeaders().set("Cache-Control", "no-store");
        http.sendResponseHeaders(303, -1);
        http.close();
    }

    static Map<String, String> parse(String raw) {
        Map<String, String> map = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return map;
        }
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            String key = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
            map.putIfAbsent(key, kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return map;
    }

    static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
