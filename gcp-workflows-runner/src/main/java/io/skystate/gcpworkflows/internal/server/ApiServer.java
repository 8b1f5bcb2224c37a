package io.skystate.gcpworkflows.internal.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.skystate.gcpworkflows.InvalidWorkflowException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The HTTP server of the runner ({@code com.sun.net.httpserver}): the Workflows API, the Executions API, long-running
 * operations, and the callback endpoints, all under {@code /v1/}, as the Google Java clients call them with HTTP/JSON
 * transport. Thread-safe; requests are served by a small pool.
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ApiServer.class.getName());

    private final HttpServer server;
    private final ExecutorService pool;
    private WorkflowsApi workflows;
    private ExecutionsApi executions;
    private CallbacksApi callbacks;

    /**
     * The JDK server sets TCP_NODELAY only when this property is true, and reads it once, when the first server of
     * the JVM is created. Without it every response waits for the client's delayed ACK (Nagle's algorithm): about
     * 40 ms per API call on Linux.
     */
    static final String NO_DELAY = "sun.net.httpserver.nodelay";

    /** Binds the address; {@link #start(Engine)} then serves the engine. */
    public ApiServer(String bindAddress, int port) throws IOException {
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
        this.server = HttpServer.create(new InetSocketAddress(bindAddress, port), 64);
        this.pool = Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, "workflows-api");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(pool);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void start(Engine engine) {
        this.workflows = new WorkflowsApi(engine);
        this.executions = new ExecutionsApi(engine);
        this.callbacks = new CallbacksApi(engine);
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String override = exchange.getRequestHeaders().getFirst("X-HTTP-Method-Override");
            // Google's HTTP transport sends PATCH as POST with this header.
            String method = override != null && exchange.getRequestMethod().equals("POST") ? override
                    : exchange.getRequestMethod();
            try {
                if (callbacks.handles(path)) {
                    callbacks.handle(exchange, path, method);
                } else if (!executions.handle(exchange, path, method) && !workflows.handle(exchange, path, method)) {
                    throw ApiError.notFound("no API method for " + method + " " + path);
                }
            } catch (ApiError error) {
                HttpExchanges.sendError(exchange, error);
            } catch (InvalidWorkflowException invalid) {
                HttpExchanges.sendError(exchange, ApiError.invalid(invalid.getMessage()));
            } catch (RuntimeException unexpected) {
                LOG.log(Level.WARNING, "API request failed: " + method + " " + path, unexpected);
                HttpExchanges.sendError(exchange, new ApiError(500, "INTERNAL", String.valueOf(unexpected)));
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
