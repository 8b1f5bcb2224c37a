package io.skystate.gcp.workflows;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.skystate.gcp.internal.workflows.TaskEndpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Plays the deployed HTTP function in tests: a JDK {@link HttpServer} on a loopback port that routes the task
 * endpoint's and the callback relay's paths to the current {@link TaskEndpoint} (swappable, so a restarted engine
 * keeps the URL the running executions call), and answers 503 while none is attached.
 */
final class FunctionServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(48, runnable -> {
        Thread thread = new Thread(runnable, "test-function");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<TaskEndpoint> endpoint = new AtomicReference<>();

    FunctionServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::serve);
        server.setExecutor(pool);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    void attach(TaskEndpoint taskEndpoint) {
        endpoint.set(taskEndpoint);
    }

    void detach() {
        endpoint.set(null);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            TaskEndpoint current = endpoint.get();
            TaskEndpoint.Reply reply = current == null
                    ? new TaskEndpoint.Reply(503, "text/plain", "no engine attached".getBytes(StandardCharsets.UTF_8))
                    : current.handle(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                            exchange.getRequestHeaders(), body);
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            if (reply.body().length == 0) {
                exchange.sendResponseHeaders(reply.status(), -1);
                return;
            }
            exchange.sendResponseHeaders(reply.status(), reply.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
