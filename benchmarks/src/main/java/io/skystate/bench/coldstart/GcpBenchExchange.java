package io.skystate.bench.coldstart;

import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Functions Framework's side of one HTTP call, in the launching JVM: a POST {@link HttpRequest} with a JSON body
 * and a buffering {@link HttpResponse}, the two objects the framework's invoker hands to
 * {@code HttpFunction.service} (it builds them over Jetty's request and response; Jetty is not started here, for the
 * Skystate function and the hand-written one alike). Used by {@link GcpMain} and {@link HandWrittenGcpMain}.
 */
public final class GcpBenchExchange {
    private GcpBenchExchange() {
    }

    /** A POST to {@code path} with {@code headers} (one value each) and {@code body}. */
    public static final class Request implements HttpRequest {
        private final String path;
        private final Map<String, List<String>> headers = new HashMap<>();
        private final byte[] body;

        public Request(String path, Map<String, String> headers, byte[] body) {
            this.path = path;
            headers.forEach((k, v) -> this.headers.put(k, List.of(v)));
            this.body = body;
        }

        @Override
        public String getMethod() {
            return "POST";
        }

        @Override
        public String getUri() {
            return "http://localhost:8080" + path;
        }

        @Override
        public String getPath() {
            return path;
        }

        @Override
        public Optional<String> getQuery() {
            return Optional.empty();
        }

        @Override
        public Map<String, List<String>> getQueryParameters() {
            return Map.of();
        }

        @Override
        public Map<String, HttpPart> getParts() {
            return Map.of();
        }

        @Override
        public Optional<String> getContentType() {
            return Optional.of("application/json");
        }

        @Override
        public long getContentLength() {
            return body.length;
        }

        @Override
        public Optional<String> getCharacterEncoding() {
            return Optional.of("UTF-8");
        }

        @Override
        public InputStream getInputStream() {
            return new ByteArrayInputStream(body);
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public Map<String, List<String>> getHeaders() {
            return headers;
        }
    }

    /** Buffers status, headers and body; {@link #body()} after the function returned. */
    public static final class Response implements HttpResponse {
        private final Map<String, List<String>> headers = new HashMap<>();
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private BufferedWriter writer;
        private int status = 200;
        private String contentType;

        public int status() {
            return status;
        }

        public String body() throws IOException {
            if (writer != null) {
                writer.flush();
            }
            return out.toString(StandardCharsets.UTF_8);
        }

        @Override
        public void setStatusCode(int code) {
            this.status = code;
        }

        @Override
        public void setStatusCode(int code, String message) {
            this.status = code;
        }

        @Override
        public void setContentType(String type) {
            this.contentType = type;
        }

        @Override
        public Optional<String> getContentType() {
            return Optional.ofNullable(contentType);
        }

        @Override
        public void appendHeader(String name, String value) {
            headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }

        @Override
        public Map<String, List<String>> getHeaders() {
            return headers;
        }

        @Override
        public OutputStream getOutputStream() {
            return out;
        }

        @Override
        public BufferedWriter getWriter() {
            if (writer == null) {
                writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            }
            return writer;
        }
    }
}
