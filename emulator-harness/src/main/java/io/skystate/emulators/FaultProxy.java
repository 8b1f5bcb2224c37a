package io.skystate.emulators;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP proxy on a free loopback port in front of an emulator that answers every {@code n}-th request with an
 * injected fault instead of forwarding it (so the emulator never sees it), cycling through the given faults: the way a
 * cloud service answers under load (throttling, 503). Everything else is forwarded unchanged. Tests point an SDK at
 * {@link #endpoint()} and check that its retry policy (or the adapter's) loses and doubles nothing, and that typed
 * errors come out when every request fails ({@link #failEvery(int)} with 1). Thread-safe.
 */
public final class FaultProxy implements AutoCloseable {
    /** Never inject: forward everything. */
    public static final int NEVER = Integer.MAX_VALUE;

    private static final Set<String> HOP_HEADERS = Set.of("connection", "content-length", "host", "transfer-encoding",
            "expect", "upgrade");

    /** One injected answer: status, headers and body. */
    public record Fault(int status, Map<String, String> headers, byte[] body) {
        public Fault {
            headers = Map.copyOf(headers);
            body = body.clone();
        }
    }

    private final URI target;
    private final List<Fault> faults;
    private final HttpServer server;
    private final ExecutorService executor;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger injected = new AtomicInteger();
    private volatile int everyNth;

    /**
     * @param target the emulator's base URI (scheme, host and port; request paths are appended)
     * @param everyNth inject a fault into every {@code everyNth} request ({@link #NEVER} for none)
     * @param faults the faults to inject, in turn
     */
    public FaultProxy(URI target, int everyNth, List<Fault> faults) {
        if (faults.isEmpty()) {
            throw new IllegalArgumentException("give at least one fault");
        }
        this.target = target;
        this.faults = List.copyOf(faults);
        this.everyNth = everyNth;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new IllegalStateException("cannot bind the fault proxy", e);
        }
        executor = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "fault-proxy");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                int n = requests.incrementAndGet();
                int every = this.everyNth;
                if (every != NEVER && n % every == 0) {
                    Fault fault = this.faults.get((injected.incrementAndGet() - 1) % this.faults.size());
                    fault.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
                    exchange.sendResponseHeaders(fault.status(), fault.body().length == 0 ? -1 : fault.body().length);
                    if (fault.body().length > 0) {
                        exchange.getResponseBody().write(fault.body());
                    }
                    return;
                }
                forward(exchange, body);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
    }

    private void forward(com.sun.net.httpserver.HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(target.toString().replaceAll("/+$", "")
                + exchange.getRequestURI().toString())).method(exchange.getRequestMethod(),
                HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> forward.header(name, v));
            }
        });
        HttpResponse<byte[]> response = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
        response.headers().map().forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                values.forEach(v -> exchange.getResponseHeaders().add(name, v));
            }
        });
        boolean noBody = response.body().length == 0 || "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(response.statusCode(), noBody ? -1 : response.body().length);
        if (!noBody) {
            exchange.getResponseBody().write(response.body());
        }
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** From now on, inject a fault into every {@code n}-th request ({@link #NEVER}: none; 1: all). */
    public void failEvery(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1");
        }
        this.everyNth = n;
    }

    /** Requests that reached the proxy so far. */
    public int requests() {
        return requests.get();
    }

    /** Faults injected so far. */
    public int injectedFaults() {
        return injected.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
