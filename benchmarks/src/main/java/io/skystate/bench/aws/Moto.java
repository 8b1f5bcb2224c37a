package io.skystate.bench.aws;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A moto server process for the AWS benchmarks, started the way adapter-aws's test harness ({@code MotoServer})
 * starts it: the pinned {@code moto[server]} of {@code .emulators/venv/bin/moto_server} (installed by
 * {@code scripts/install-emulators.sh}) on a free loopback port, ready when {@code /moto-api/} answers. The
 * repository root is the {@code bench.root} property, else the nearest ancestor holding {@code .emulators/}.
 * {@link #close()} stops it.
 */
public final class Moto implements AutoCloseable {
    private final Process process;
    private final URI endpoint;

    private Moto(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Starts moto; its log goes to {@code log}. */
    public static Moto start(Path log) throws IOException {
        Path binary = root().resolve(".emulators/venv/bin/moto_server");
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException(binary + " is missing: run scripts/install-emulators.sh first");
        }
        int port = freePort();
        Files.createDirectories(log.toAbsolutePath().getParent());
        Process process = new ProcessBuilder(binary.toString(), "-H", "127.0.0.1", "-p", Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        Moto moto = new Moto(process, endpoint);
        try {
            awaitReady(endpoint, process, log);
        } catch (IOException | RuntimeException e) {
            moto.close();
            throw e;
        }
        return moto;
    }

    /** Drops every resource moto holds (its {@code /moto-api/reset}), so each trial starts from the same state. */
    public static void reset(URI endpoint) throws IOException {
        HttpURLConnection c = (HttpURLConnection) endpoint.resolve("/moto-api/reset").toURL().openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.getOutputStream().write("{}".getBytes(StandardCharsets.UTF_8));
        if (c.getResponseCode() / 100 != 2) {
            throw new IOException("moto reset answered " + c.getResponseCode());
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(java.util.concurrent.TimeUnit.SECONDS.toMillis(10),
                    java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static Path root() {
        String configured = System.getProperty("bench.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(".emulators"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root (no .emulators/ above "
                + Path.of("").toAbsolutePath() + "); set -Dbench.root");
    }

    private static void awaitReady(URI endpoint, Process process, Path log) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpURLConnection c = (HttpURLConnection) endpoint.resolve("/moto-api/").toURL().openConnection();
                c.setConnectTimeout(500);
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for moto", e);
            }
        }
        throw new IllegalStateException("moto did not become ready within 60 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
