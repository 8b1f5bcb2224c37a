package io.skystate.emulators;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The AWS emulator: a {@code moto_server} (pinned {@code moto[server]} in {@code .emulators/venv}) on a free loopback
 * port, serving DynamoDB, SQS, Step Functions and the rest on one endpoint, with Step Functions switched to
 * executing state machines. Log: {@code target/emulators/moto.log}.
 *
 * <p>Clients: endpoint override {@link #endpoint()}, any region (the tests use {@code us-east-1}), any static
 * credentials. Thread-safe; moto itself serves requests concurrently (and does not lock its DynamoDB model).
 */
public final class Moto extends RunningEmulator {
    private static final Shared<Moto> SHARED = new Shared<>();

    private final URI endpoint;

    private Moto(EmulatorProcess process, URI endpoint, boolean isShared) {
        super("moto", process, isShared);
        this.endpoint = endpoint;
    }

    /** The instance shared by this JVM, started on first use and stopped when the JVM exits. Do not close it. */
    public static Moto get() {
        return SHARED.get(() -> launch(true));
    }

    /** A private instance; the caller closes it. */
    public static Moto start() {
        return launch(false);
    }

    private static Moto launch(boolean isShared) {
        String binary = RepoPaths.installed(".emulators/venv/bin/moto_server").toString();
        int port = FreePorts.one();
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        EmulatorProcess process = EmulatorProcess.builder("moto", List.of(binary, "-H", "127.0.0.1", "-p",
                        Integer.toString(port)))
                .readiness(Readiness.http(endpoint.resolve("/moto-api/"), status -> status == 200))
                .stopGracePeriod(Duration.ofSeconds(2))
                .start();
        try {
            post(endpoint.resolve("/moto-api/config"), "{\"stepfunctions\": {\"execute_state_machine\": true}}");
        } catch (UncheckedIOException e) {
            process.kill();
            throw e;
        }
        return new Moto(process, endpoint, isShared);
    }

    /** The endpoint every AWS client of the tests overrides its own with. */
    public URI endpoint() {
        return endpoint;
    }

    /** Drops every resource this moto holds ({@code POST /moto-api/reset}). */
    public void reset() {
        reset(endpoint);
    }

    /** Drops every resource of the moto at {@code endpoint}, for code that only knows the endpoint. */
    public static void reset(URI endpoint) {
        post(endpoint.resolve("/moto-api/reset"), "{}");
    }

    private static void post(URI uri, String json) {
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/json");
            try (OutputStream body = connection.getOutputStream()) {
                body.write(json.getBytes(StandardCharsets.UTF_8));
            }
            int status = connection.getResponseCode();
            connection.disconnect();
            if (status / 100 != 2) {
                throw new IOException("POST " + uri + " answered " + status);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("moto did not accept POST " + uri, e);
        }
    }
}
