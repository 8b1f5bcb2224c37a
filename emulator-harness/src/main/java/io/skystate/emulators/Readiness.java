package io.skystate.emulators;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.function.IntPredicate;

/**
 * A check that an emulator is ready to serve, polled by {@link EmulatorProcess} until it passes. Immutable and
 * thread-safe; each check opens its own connection and closes it.
 */
public final class Readiness {
    private static final int CONNECT_TIMEOUT_MILLIS = 500;
    private static final int READ_TIMEOUT_MILLIS = 2_000;

    /** One attempt: true when ready; false or an {@link IOException} when not yet. */
    @FunctionalInterface
    public interface Probe {
        boolean ready() throws IOException;
    }

    private final String description;
    private final Probe probe;

    private Readiness(String description, Probe probe) {
        this.description = description;
        this.probe = probe;
    }

    /** A custom check, described in error messages by {@code description}. */
    public static Readiness of(String description, Probe probe) {
        return new Readiness(description, probe);
    }

    /** Ready when a TCP connection to {@code host:port} is accepted (what a gRPC server needs). */
    public static Readiness tcp(String host, int port) {
        return of("TCP " + host + ":" + port, () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
                return true;
            }
        });
    }

    /** Ready when a {@code GET uri} answers with a status {@code acceptStatus} accepts. */
    public static Readiness http(URI uri, IntPredicate acceptStatus) {
        return of("HTTP GET " + uri, () -> {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
            connection.setReadTimeout(READ_TIMEOUT_MILLIS);
            try {
                return acceptStatus.test(connection.getResponseCode());
            } finally {
                connection.disconnect();
            }
        });
    }

    /** Ready when {@code GET uri} gets any HTTP answer, an error status included: the server is up. */
    public static Readiness httpAnswer(URI uri) {
        return http(uri, status -> status > 0);
    }

    /** Ready when this and {@code other} are (checked in that order). */
    public Readiness and(Readiness other) {
        return of(description + " and " + other.description, () -> ready() && other.ready());
    }

    /** Runs one attempt. */
    public boolean ready() throws IOException {
        return probe.ready();
    }

    @Override
    public String toString() {
        return description;
    }
}
