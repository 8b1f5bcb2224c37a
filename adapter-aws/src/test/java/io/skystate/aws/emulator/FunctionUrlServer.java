package io.skystate.aws.emulator;

import com.amazonaws.services.lambda.runtime.Context;
import com.sun.net.httpserver.HttpServer;
import io.skystate.aws.AwsSkystate;
import io.skystate.aws.lambda.FunctionUrlHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Plays the Lambda Function URL in front of {@link FunctionUrlHandler}: turns each HTTP request into the payload
 * format 2.0 event Lambda would deliver, calls the real entry point, and turns its response back into HTTP. The
 * Skystate it serves is set after construction, because the instance needs this server's URL to be built.
 */
public final class FunctionUrlServer implements AutoCloseable {
    private final HttpServer server;
    private final AtomicReference<FunctionUrlHandler> handler = new AtomicReference<>();

    public FunctionUrlServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "function-url");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                Map<String, String> headers = new java.util.HashMap<>();
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT),
                        values.isEmpty() ? "" : values.get(0)));
                Map<String, Object> event = Map.of(
                        "version", "2.0",
                        "headers", headers,
                        "rawPath", exchange.getRequestURI().getRawPath(),
                        "body", Base64.getEncoder().encodeToString(body),
                        "isBase64Encoded", true,
                        "requestContext", Map.of("http", Map.of("method", exchange.getRequestMethod())));
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                FunctionUrlHandler target = handler.get();
                var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
                target.handleRequest(new ByteArrayInputStream(mapper.writeValueAsBytes(event)), out, context());
                var response = mapper.readTree(out.toByteArray());
                byte[] responseBody = response.path("body").asText("").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(response.path("statusCode").asInt(500),
                        responseBody.length == 0 ? -1 : responseBody.length);
                if (responseBody.length > 0) {
                    exchange.getResponseBody().write(responseBody);
                }
            }
        });
        server.start();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    public void serve(AwsSkystate skystate) {
        handler.set(new FunctionUrlHandler(skystate));
    }

    static Context context() {
        return (Context) java.lang.reflect.Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getAwsRequestId" -> java.util.UUID.randomUUID().toString();
                    case "getFunctionName" -> "skystate-function-url";
                    case "getRemainingTimeInMillis" -> 900_000;
                    default -> null;
                });
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
