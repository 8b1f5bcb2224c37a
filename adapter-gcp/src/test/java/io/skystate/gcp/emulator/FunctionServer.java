package io.skystate.gcp.emulator;

import com.google.cloud.functions.HttpFunction;
import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.skystate.gcp.GcpSkystate;
import io.skystate.gcp.functions.SkystateHttpFunction;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Plays the deployed HTTP Cloud Function in front of the real {@link SkystateHttpFunction}: a loopback JDK HTTP
 * server that hands each request to {@code service(HttpRequest, HttpResponse)} through the Functions Framework API,
 * as the framework's own server does. One per conformance instance (the Functions Framework invoker builds its
 * function from the environment, so it serves one configuration per process; {@code HttpFunctionInvokerIT} covers
 * it). The instance is set after construction, because it needs this server's URL to be built.
 */
public final class FunctionServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicReference<HttpFunction> function = new AtomicReference<>();

    public FunctionServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        // 48: running workflows call the function concurrently (task calls hold a thread while their handler runs).
        executor = Executors.newFixedThreadPool(48, r -> {
            Thread t = new Thread(r, "cloud-function");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    public void serve(GcpSkystate skystate) {
        function.set(new SkystateHttpFunction(skystate));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Response response = new Response();
            try {
                function.get().service(new Request(exchange), response);
            } catch (Exception e) {
                response.setStatusCode(500);
            }
            byte[] body = response.body.toByteArray();
            response.headers.forEach((k, v) -> exchange.getResponseHeaders().put(k, v));
            exchange.sendResponseHeaders(response.status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static final class Request implements HttpRequest {
        private final HttpExchange exchange;

        Request(HttpExchange exchange) {
            this.exchange = exchange;
        }

        @Override
        public String getMethod() {
            return exchange.getRequestMethod();
        }

        @Override
        public String getUri() {
            return exchange.getRequestURI().toString();
        }

        @Override
        public String getPath() {
            return exchange.getRequestURI().getPath();
        }

        @Override
        public Optional<String> getQuery() {
            return Optional.ofNullable(exchange.getRequestURI().getRawQuery());
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
            return Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type"));
        }

        @Override
        public long getContentLength() {
            return Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Length")).map(Long::parseLong).orElse(-1L);
        }

        @Override
        public Optional<String> getCharacterEncoding() {
            return Optional.of("UTF-8");
        }

        @Override
        public InputStream getInputStream() {
            return exchange.getRequestBody();
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(exchange.getRequestBody(), StandardCharsets.UTF_8));
        }

        @Override
        public Map<String, List<String>> getHeaders() {
            return new HashMap<>(exchange.getRequestHeaders());
        }
    }

    private static final class Response implements HttpResponse {
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final Map<String, List<String>> headers = new HashMap<>();
        private int status = 200;

        @Override
        public void setStatusCode(int code) {
            status = code;
        }

        @Override
        public void setStatusCode(int code, String message) {
            status = code;
        }

        @Override
        public void setContentType(String contentType) {
            headers.put("Content-Type", List.of(contentType));
        }

        @Override
        public Optional<String> getContentType() {
            return Optional.ofNullable(headers.get("Content-Type")).map(l -> l.get(0));
        }

        @Override
        public void appendHeader(String header, String value) {
            headers.computeIfAbsent(header, h -> new java.util.ArrayList<>()).add(value);
        }

        @Override
        public Map<String, List<String>> getHeaders() {
            return headers;
        }

        @Override
        public OutputStream getOutputStream() {
            return body;
        }

        @Override
        public BufferedWriter getWriter() {
            return new BufferedWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8));
        }
    }
}
