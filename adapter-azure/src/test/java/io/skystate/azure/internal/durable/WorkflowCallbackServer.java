package io.skystate.azure.internal.durable;

import com.sun.net.httpserver.HttpServer;
import io.skystate.api.callback.Callbacks;
import io.skystate.core.callback.CallbackHttpEndpoint;
import io.skystate.core.json.JacksonCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;

/**
 * Serves {@code POST /skystate/workflow-callbacks/<token>} for the test composite's workflow callbacks on a loopback
 * port, with core's {@link CallbackHttpEndpoint}: the route the Azure adapter's HTTP function serves in production.
 */
final class WorkflowCallbackServer implements AutoCloseable {
    private static final String PATH = "/skystate/workflow-callbacks/";
    private final HttpServer server;

    WorkflowCallbackServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void start(Callbacks callbacks, JacksonCodec codec) {
        CallbackHttpEndpoint endpoint = new CallbackHttpEndpoint(callbacks, codec);
        server.createContext(PATH, exchange -> {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                String token = exchange.getRequestURI().getPath().substring(PATH.length());
                CallbackHttpEndpoint.Reply reply = endpoint.handle(token, in.readAllBytes());
                exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
                if (reply.body().length > 0) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(reply.body());
                    }
                }
            }
        });
        server.start();
    }

    URI url(String token) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH + token);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
