package io.skystate.azure.emulator;

import com.sun.net.httpserver.HttpServer;
import io.skystate.azure.AzureSkystate;
import io.skystate.azure.functions.HostExecutionContext;
import io.skystate.azure.functions.HostHttpRequest;
import io.skystate.azure.functions.HostHttpResponse;
import io.skystate.azure.functions.SkystateFunctions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Plays the Azure Functions host in front of {@link SkystateFunctions#http}: each HTTP request on the loopback port
 * becomes the {@code HttpRequestMessage} the Java worker would pass, the real annotated method runs, and its
 * {@code HttpResponseMessage} goes back as HTTP. The instance it serves is set after construction, because the
 * instance needs this server's URL to be built.
 */
public final class FunctionHost implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicReference<SkystateFunctions> functions = new AtomicReference<>();

    public FunctionHost() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "function-host");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try (exchange) {
                Map<String, String> headers = new HashMap<>();
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
                URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + exchange.getRequestURI());
                HostHttpRequest request = new HostHttpRequest(exchange.getRequestMethod(), uri, headers,
                        exchange.getRequestBody().readAllBytes());
                HostHttpResponse response = (HostHttpResponse) functions.get().http(request,
                        new HostExecutionContext(SkystateFunctions.HTTP));
                byte[] body = response.bodyBytes();
                response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
                exchange.sendResponseHeaders(response.getStatusCode(), body.length == 0 ? -1 : body.length);
                if (body.length > 0) {
                    exchange.getResponseBody().write(body);
                }
            }
        });
        server.start();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    public void serve(AzureSkystate skystate) {
        functions.set(new SkystateFunctions(skystate, "work"));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
