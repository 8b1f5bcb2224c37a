package io.skystate.aws.emulator;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real moto server process (the pinned {@code moto[server]} installed by {@code scripts/install-emulators.sh})
 * on a free loopback port, started once per test JVM and stopped by a shutdown hook. Step Functions is switched to
 * executing state machines. Its log goes to {@code target/moto.log}.
 */
public final class MotoServer {
    private static MotoServer instance;

    private final Process process;
    private final URI endpoint;

    private MotoServer(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** The shared server, started on first use. */
    public static synchronized MotoServer get() {
        if (instance == null) {
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance.process::destroyForcibly));
        }
        return instance;
    }

    public URI endpoint() {
        return endpoint;
    }

    private static MotoServer start() {
        Path binary = RepoPaths.root().resolve(".emulators/venv/bin/moto_server");
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException(binary + " is missing: run scripts/install-emulators.sh first");
        }
        try {
            int port = freePort();
            Path log = Path.of("target", "moto.log");
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(binary.toString(), "-H", "127.0.0.1", "-p", Integer.toString(port))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            URI endpoint = URI.create("http://127.0.0.1:" + port);
            awaitReady(endpoint, process);
            post(endpoint.resolve("/moto-api/config"), "{\"stepfunctions\": {\"execute_state_machine\": true}}");
            return new MotoServer(process, endpoint);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start moto", e);
        }
    }

    private static void awaitReady(URI endpoint, Process process) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto exited with " + process.exitValue() + "; see target/moto.log");
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
        process.destroyForcibly();
        throw new IllegalStateException("moto did not become ready within 60 s");
    }

    private static void post(URI uri, String json) throws IOException {
        HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", "application/json");
        c.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
        if (c.getResponseCode() / 100 != 2) {
            throw new IOException("moto config answered " + c.getResponseCode());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
