package io.skystate.cli.internal.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.skystate.api.NotFoundException;
import io.skystate.api.Skystate;
import io.skystate.api.SkystateException;
import io.skystate.cli.internal.output.Failures;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The dashboard: server-rendered pages on the JDK's HTTP server over an open {@link Skystate}. Requests pass the
 * {@link Access} checks (Host on loopback, login elsewhere, CSRF and Origin on POSTs) before a {@link Page} answers;
 * Skystate's errors become 404, 409, 400 or 501 pages. {@link #close} stops it; the Skystate stays the caller's.
 */
public final class DashboardServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService pool;
    private final Access access;
    private final Templates templates = new Templates();
    private final Map<String, Page> pages = new LinkedHashMap<>();
    private final String provider;

    private DashboardServer(Skystate skystate, DashboardOptions options) throws IOException {
        this.access = new Access(options.token(), options.authenticationRequired());
        this.provider = skystate.provider();
        this.server = HttpServer.create(new InetSocketAddress(options.bind(), options.port()), 50);
        this.pool = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "skystate-dashboard");
            t.setDaemon(true);
            return t;
        });
        pages.put("/runs", new RunsPage(skystate.workflows(), options.pageSize()));
        pages.put("/run", new RunPage(skystate.workflows()));
        pages.put("/callbacks", new CallbacksPage(skystate.workflows()));
        pages.put("/state", new StatePage(skystate, options.stores()));
        pages.put("/queues", new QueuesPage(options.queues()));
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts serving {@code skystate} as {@code options} say. */
    public static DashboardServer start(Skystate skystate, DashboardOptions options) throws IOException {
        return new DashboardServer(skystate, options);
    }

    /** Where it listens, such as {@code http://127.0.0.1:8080/}. */
    public URI uri() {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort() + "/");
    }

    /** The access token, needed only when {@link DashboardOptions#authenticationRequired()}. */
    public String token() {
        return access.token();
    }

    private void handle(HttpExchange http) throws IOException {
        Exchange exchange = new Exchange(http);
        View view = new View(templates, access.csrf(), provider);
        try {
            route(exchange, view);
        } catch (NotFoundException e) {
            view.error(exchange, 404, e.getMessage());
        } catch (SkystateException e) {
            int status = switch (Failures.classify(e)) {
                case CONFLICT -> 409;
                case INVALID -> 400;
                case UNSUPPORTED -> 501;
                default -> 500;
            };
            view.error(exchange, status, e.code() + ": " + e.getMessage());
        } catch (UnsupportedOperationException e) {
            view.error(exchange, 501, "Not available from this engine: " + e.getMessage());
        } catch (RuntimeException e) {
            view.error(exchange, 500, e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            http.close();
        }
    }

    private void route(Exchange exchange, View view) throws IOException {
        String path = exchange.path();
        if (!hostAllowed(exchange)) {
            exchange.html(421, "this dashboard answers to its loopback address only");
            return;
        }
        if (path.startsWith("/static/")) {
            Assets.serve(exchange, path.substring("/static/".length()));
            return;
        }
        if (path.equals("/login")) {
            new LoginPage(access).handle(exchange, view);
            return;
        }
        if (!access.allowed(exchange)) {
            exchange.redirect("/login");
            return;
        }
        if (path.equals("/")) {
            exchange.redirect("/runs");
            return;
        }
        Optional<Page> page = pages.entrySet().stream()
                .filter(e -> path.equals(e.getKey()) || path.startsWith(e.getKey() + "/"))
                .map(Map.Entry::getValue).findFirst();
        if (page.isEmpty()) {
            view.error(exchange, 404, "no page " + path);
        } else if (exchange.method().equals("POST")) {
            if (!sameOrigin(exchange) || !access.csrfValid(exchange.form("csrf"))) {
                view.error(exchange, 403, "the form did not come from this dashboard (CSRF check failed)");
                return;
            }
            page.get().post(exchange, view);
        } else {
            page.get().get(exchange, view);
        }
    }

    /** On loopback only loopback host names, so a DNS-rebinding page cannot talk to it. */
    private boolean hostAllowed(Exchange exchange) {
        if (access.required()) {
            return true;
        }
        String host = exchange.header("Host").orElse("");
        String name = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1) : host.split(":")[0];
        return name.equals("localhost") || name.equals("[::1]") || name.startsWith("127.");
    }

    /** A POST whose Origin header (browsers send it) names another site is refused. */
    private boolean sameOrigin(Exchange exchange) {
        return exchange.header("Origin").map(origin -> exchange.header("Host")
                .map(host -> origin.equals("http://" + host)).orElse(false)).orElse(true);
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
