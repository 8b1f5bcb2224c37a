package io.skystate.gcpworkflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * http.* functions against a local server: https://cloud.google.com/workflows/docs/reference/stdlib/http/get,
 * https://cloud.google.com/workflows/docs/http-requests and the HTTP error tags of
 * https://cloud.google.com/workflows/docs/reference/syntax/error-types.
 */
class HttpFunctionsTest extends RunnerTestSupport {
    private static HttpServer server;
    private static String base;
    private static final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] in = exchange.getRequestBody().readAllBytes();
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Content-Type") + " "
                    + new String(in, StandardCharsets.UTF_8));
            String path = exchange.getRequestURI().getPath();
            int status = path.startsWith("/status/") ? Integer.parseInt(path.substring(8)) : 200;
            if (path.equals("/slow")) {
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] out = path.equals("/text") ? "plain".getBytes(StandardCharsets.UTF_8)
                    : ("{\"path\": \"" + path + "\", \"n\": 1}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", path.equals("/text") ? "text/plain" : "application/json");
            exchange.getResponseHeaders().set("X-Test", "yes");
            exchange.sendResponseHeaders(status, out.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    /**
     * A JSON response is decoded; the result is {body, code, headers} (header names as the server sent them);
     * query maps become query strings.
     */
    @Test
    void getDecodesJsonResponse() {
        JsonNode result = result("""
                main:
                  params: [args]
                  steps:
                    - get:
                        call: http.get
                        args:
                          url: ${args.base + "/items"}
                          query:
                            q: "a b"
                            n: [1, 2]
                        result: response
                    - r:
                        return: ${[response.code, response.body.n, response.headers]}
                """, "{\"base\": \"" + base + "\"}");
        assertThat(result.get(0).asLong()).isEqualTo(200);
        assertThat(result.get(1).asLong()).isEqualTo(1);
        assertThat(result.get(2).fieldNames()).toIterable().anyMatch(name -> name.equalsIgnoreCase("X-Test"));
        assertThat(requests).anyMatch(line -> line.startsWith("GET /items?q=a+b&n=1&n=2"));
    }

    /** A map body is sent as JSON, headers as given; a text response stays a string. */
    @Test
    void postSendsJsonBody() {
        JsonNode result = result("""
                main:
                  params: [args]
                  steps:
                    - post:
                        call: http.request
                        args:
                          method: PUT
                          url: ${args.base + "/text"}
                          headers:
                            X-Custom: "1"
                          body:
                            hello: "world"
                          auth:
                            type: OIDC
                        result: response
                    - r:
                        return: ${response.body}
                """, "{\"base\": \"" + base + "\"}");
        assertThat(result.asText()).isEqualTo("plain");
        assertThat(requests).anyMatch(line -> line.equals("PUT /text application/json {\"hello\":\"world\"}"));
    }

    /** A non-2xx answer raises HttpError with code, body and headers. */
    @Test
    void non2xxRaisesHttpError() {
        JsonNode error = error("""
                main:
                  params: [args]
                  steps:
                    - get:
                        call: http.post
                        args:
                          url: ${args.base + "/status/503"}
                """, "{\"base\": \"" + base + "\"}");
        assertThat(tag(error)).isEqualTo("HttpError");
        assertThat(error.path("code").asLong()).isEqualTo(503);
        assertThat(error.path("body").path("path").asText()).isEqualTo("/status/503");
        assertThat(error.path("headers").isObject()).isTrue();
    }

    /** No server listening: ConnectionFailedError (the connection was never established). */
    @Test
    void refusedConnectionIsConnectionFailedError() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        assertThat(tag(error("- g:\n    call: http.get\n    args:\n      url: http://127.0.0.1:" + port + "/\n")))
                .isEqualTo("ConnectionFailedError");
    }

    /** A response slower than timeout raises TimeoutError. */
    @Test
    void slowResponseIsTimeoutError() {
        assertThat(tag(error("- g:\n    call: http.get\n    args:\n      url: " + base + "/slow\n      timeout: 0.2\n")))
                .isEqualTo("TimeoutError");
    }

    /** http.default_retry retries a 503 five times before giving up (https://cloud.google.com/workflows/docs/reference/stdlib/http/default_retry). */
    @Test
    void retryPolicyRetriesHttpErrors() {
        requests.clear();
        JsonNode error = error("""
                main:
                  params: [args]
                  steps:
                    - get:
                        try:
                          call: http.get
                          args:
                            url: ${args.base + "/status/503"}
                        retry:
                          predicate: ${http.default_retry_predicate}
                          max_retries: 2
                          backoff:
                            initial_delay: 0.001
                            max_delay: 0.01
                            multiplier: 2
                """, "{\"base\": \"" + base + "\"}");
        assertThat(error.path("code").asLong()).isEqualTo(503);
        assertThat(requests.stream().filter(line -> line.startsWith("GET /status/503"))).hasSize(3);
    }
}
