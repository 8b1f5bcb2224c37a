package io.skystate.local.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.skystate.core.callback.CallbackHttpEndpoint;
import io.skystate.core.handler.HandlerHttpEndpoint;
import io.skystate.core.json.JacksonCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The local adapter's HTTP endpoints on the loopback interface: {@code POST /skystate/callbacks/<token>} and
 * {@code POST /skystate/workflow-callbacks/<token>} (the callback URL protocol) and {@code POST /skystate/handlers/<name>} (JSON in, JSON out: 200, 400 bad input,
 * 404 unknown handler, 500 handler failure).
 */
public final class LocalHttpServer implements AutoCloseable {
    private static final String CALLBACKS = "/skystate/callbacks/";
    private static final String HANDLERS = "/skystate/handlers/";
    private static final String WORKFLOW_CALLBACKS = "/skystate/workflow-callbacks/";
    private static final int MAX_BODY_BYTES = 1 << 20;

    private final HttpServer server;
    private final ExecutorService executor;
    private final JacksonCodec codec;
    private CallbackHttpEndpoint callbacks;
    private HandlerHttpEndpoint handlers;

    public LocalHttpServer(int port, JacksonCodec codec) {
        this.codec = codec;
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        } catch (IOException e) {
            throw new io.skystate.api.TransientException("local", "cannot bind the local HTTP server to port " + port, e);
        }
        this.executor = Executors.newFixedThreadPool(4, Daemons.factory("skystate-http"));
        server.setExecutor(executor);
    }

    /** Wires the services and starts serving. */
    public void start(CallbackHttpEndpoint callbackEndpoint, CallbackHttpEndpoint workflowCallbackEndpoint,
            HandlerHttpEndpoint handlerEndpoint) {
        this.callbacks = callbackEndpoint;
        this.handlers = handlerEndpoint;
        server.createContext(CALLBACKS, exchange -> serve(exchange, (tail, headers, body) -> callback(tail, body)));
        server.createContext(WORKFLOW_CALLBACKS,
                exchange -> serve(exchange, (tail, headers, body) -> workflowCallbackEndpoint.handle(tail, body)));
        server.createContext(HANDLERS, exchange -> serve(exchange, handlers::handle));
        server.start();
    }

    public URI callbackUrl(String token) {
        return base().resolve(CALLBACKS + token);
    }

    /** The URL that completes a workflow callback step's token. */
    public URI workflowCallbackUrl(String token) {
        return base().resolve(WORKFLOW_CALLBACKS + token);
    }

    public URI handlerUrl(String name) {
        return base().resolve(HANDLERS + name);
    }

    private URI base() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort());
    }

    private CallbackHttpEndpoint.Reply callback(String token, byte[] body) {
        return callbacks.handle(token, body);
    }

    private interface Route {
        CallbackHttpEndpoint.Reply answer(String pathTail, Map<String, String> headers, byte[] body);
    }

    private void serve(HttpExchange exchange, Route route) throws IOException {
        try (exchange) {
            CallbackHttpEndpoint.Reply reply;
            if (!"POST".equals(exchange.getRequestMethod())) {
                reply = new CallbackHttpEndpoint.Reply(405, codec.encode(Map.of("error", "METHOD_NOT_ALLOWED")));
            } else {
                String path = exchange.getRequestURI().getRawPath();
                String tail = URLDecoder.decode(path.substring(exchange.getHttpContext().getPath().length()),
                        StandardCharsets.UTF_8);
                byte[] body = readBody(exchange.getRequestBody());
                reply = body == null
                        ? new CallbackHttpEndpoint.Reply(413, codec.encode(Map.of("error", "PAYLOAD_TOO_LARGE",
                                "message", "request bodies are limited to " + MAX_BODY_BYTES + " bytes")))
                        : route.answer(tail, headers(exchange), body);
            }
            byte[] bytes = reply.body();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    private static Map<String, String> headers(HttpExchange exchange) {
        Map<String, String> headers = new java.util.HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.isEmpty() ? "" : values.get(0)));
        return headers;
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        return body.length > MAX_BODY_BYTES ? null : body;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
