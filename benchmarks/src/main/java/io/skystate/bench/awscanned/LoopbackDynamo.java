package io.skystate.bench.awscanned;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;

/**
 * A DynamoDB endpoint on the loopback interface that answers at once, for measuring a DynamoDB client's own cost:
 * the JSON 1.0 protocol ({@code POST /}, {@code X-Amz-Target: DynamoDB_20120810.<Op>}), each answer computed from
 * the request and the items held in memory ({@link LoopbackOps}), with the headers DynamoDB sends
 * ({@code x-amzn-RequestId}, {@code x-amz-crc32}, which the SDK checks). Signatures are not verified. It counts the
 * requests per access key id (taken from the {@code Authorization} header, so two clients with different keys are
 * counted apart) and operation. {@code POST /_reset} drops every item (the counts stay). One dispatcher thread.
 */
public final class LoopbackDynamo implements AutoCloseable {
    private static final String TARGET = "DynamoDB_20120810.";
    private static final String CONTENT_TYPE = "application/x-amz-json-1.0";

    static {
        // The JDK server writes the response head and body separately; with Nagle's algorithm on, the body waits
        // for the client's delayed ACK (≈ 40 ms on Linux). DynamoDB's front ends answer without such a stall.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final LoopbackItems items = new LoopbackItems();
    private final LoopbackOps ops = new LoopbackOps(items);
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final AtomicLong requestIds = new AtomicLong();

    private LoopbackDynamo(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts an endpoint on a free loopback port. */
    public static LoopbackDynamo start() throws IOException {
        return new LoopbackDynamo(0);
    }

    public URI endpoint() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort());
    }

    /** Drops every item of the endpoint at {@code endpoint} (from another process, as the benchmark forks do). */
    public static void reset(URI endpoint) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint.resolve("/_reset"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("reset of " + endpoint + " answered " + response.statusCode());
        }
    }

    /** The requests answered so far: access key id → operation → count. */
    public Map<String, Map<String, Long>> counts() {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        counts.forEach((k, v) -> {
            String[] parts = k.split(" ", 2);
            out.computeIfAbsent(parts[0], x -> new TreeMap<>()).put(parts[1], v.get());
        });
        return out;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (exchange.getRequestURI().getPath().equals("/_reset")) {
                items.clear();
                send(exchange, 200, "{}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String op = target != null && target.startsWith(TARGET) ? target.substring(TARGET.length()) : "?";
            counts.computeIfAbsent(accessKey(exchange.getRequestHeaders().getFirst("Authorization")) + " " + op,
                    k -> new AtomicLong()).incrementAndGet();
            byte[] answer;
            int status = 200;
            try {
                answer = ops.answer(op, body);
            } catch (LoopbackError e) {
                status = 400;
                answer = ("{\"__type\":\"com.amazonaws.dynamodb.v20120810#" + e.type() + "\",\"message\":\""
                        + e.getMessage().replace("\\", "\\\\").replace("\"", "\\\"") + "\""
                        + (e.extra().isEmpty() ? "" : "," + e.extra()) + "}").getBytes(StandardCharsets.UTF_8);
            } catch (RuntimeException e) {
                status = 500;
                answer = ("{\"__type\":\"com.amazonaws.dynamodb.v20120810#InternalServerError\",\"message\":\""
                        + e.getClass().getSimpleName() + "\"}").getBytes(StandardCharsets.UTF_8);
            }
            send(exchange, status, answer);
        }
    }

    private void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(body);
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.getResponseHeaders().set("x-amzn-RequestId", "loopback-" + requestIds.incrementAndGet());
        exchange.getResponseHeaders().set("x-amz-crc32", Long.toString(crc.getValue()));
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** The access key id of a SigV4 {@code Authorization} header ({@code ... Credential=<id>/<date>/...}). */
    static String accessKey(String authorization) {
        if (authorization == null) {
            return "unsigned";
        }
        int at = authorization.indexOf("Credential=");
        int end = at < 0 ? -1 : authorization.indexOf('/', at);
        return end < 0 ? "unsigned" : authorization.substring(at + "Credential=".length(), end);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /**
     * Serves on the port given (0: a free one) for the seconds given (default 600), then stops: for profiling runs by
     * hand. Args: port, seconds.
     */
    public static void main(String[] args) throws Exception {
        try (LoopbackDynamo dynamo = new LoopbackDynamo(args.length > 0 ? Integer.parseInt(args[0]) : 0)) {
            System.out.println("loopback DynamoDB at " + dynamo.endpoint());
            Thread.sleep(1000L * (args.length > 1 ? Integer.parseInt(args[1]) : 600));
            System.out.println("requests: " + dynamo.counts());
        }
    }
}
