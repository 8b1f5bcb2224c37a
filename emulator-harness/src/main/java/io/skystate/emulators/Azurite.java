package io.skystate.emulators;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The Azure Storage emulator: Azurite (npm {@code azurite}, pinned in {@code emulators/package.json}) with its table,
 * queue and blob services on three free loopback ports, in memory, API-version check and telemetry off. Log:
 * {@code target/emulators/azurite.log}.
 *
 * <p>Clients: {@link #connectionString()} (the well-known {@code devstoreaccount1} account, with explicit
 * {@code TableEndpoint=}, {@code QueueEndpoint=} and {@code BlobEndpoint=}: the ports are not Azurite's defaults)
 * for {@code TableServiceClientBuilder}, {@code QueueClientBuilder} and {@code BlobServiceClientBuilder}.
 * Thread-safe.
 */
public final class Azurite extends RunningEmulator {
    /** The emulator's fixed account name. */
    public static final String ACCOUNT_NAME = "devstoreaccount1";
    /** The emulator's fixed, publicly documented account key. */
    public static final String ACCOUNT_KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static final Shared<Azurite> SHARED = new Shared<>();

    private final int tablePort;
    private final int queuePort;
    private final int blobPort;

    private Azurite(EmulatorProcess process, int[] ports, boolean isShared) {
        super("Azurite", process, isShared);
        this.tablePort = ports[0];
        this.queuePort = ports[1];
        this.blobPort = ports[2];
    }

    /** The instance shared by this JVM, started on first use and stopped when the JVM exits. Do not close it. */
    public static Azurite get() {
        return SHARED.get(() -> launch(true));
    }

    /** A private instance; the caller closes it. */
    public static Azurite start() {
        return launch(false);
    }

    private static Azurite launch(boolean isShared) {
        String script = RepoPaths.installed("emulators/node_modules/azurite/dist/src/azurite.js").toString();
        int[] ports = FreePorts.several(3);
        EmulatorProcess process = EmulatorProcess.builder("azurite", List.of("node", script,
                        "--inMemoryPersistence", "--skipApiVersionCheck", "--disableTelemetry",
                        "--tableHost", "127.0.0.1", "--tablePort", Integer.toString(ports[0]),
                        "--queueHost", "127.0.0.1", "--queuePort", Integer.toString(ports[1]),
                        "--blobHost", "127.0.0.1", "--blobPort", Integer.toString(ports[2])))
                .readiness(Readiness.tcp("127.0.0.1", ports[0]).and(Readiness.tcp("127.0.0.1", ports[1]))
                        .and(Readiness.tcp("127.0.0.1", ports[2])))
                // On SIGTERM Azurite closes its listeners but the node process may stay: the grace is short.
                .stopGracePeriod(Duration.ofSeconds(2))
                .start();
        return new Azurite(process, ports, isShared);
    }

    /** {@code http://127.0.0.1:<table port>/devstoreaccount1}. */
    public URI tableEndpoint() {
        return endpoint(tablePort);
    }

    /** {@code http://127.0.0.1:<queue port>/devstoreaccount1}. */
    public URI queueEndpoint() {
        return endpoint(queuePort);
    }

    /** {@code http://127.0.0.1:<blob port>/devstoreaccount1}. */
    public URI blobEndpoint() {
        return endpoint(blobPort);
    }

    /** The table service's port. */
    public int tablePort() {
        return tablePort;
    }

    /** The queue service's port. */
    public int queuePort() {
        return queuePort;
    }

    /** The blob service's port. */
    public int blobPort() {
        return blobPort;
    }

    /** A storage connection string for this instance, naming all three endpoints. */
    public String connectionString() {
        return "DefaultEndpointsProtocol=http;AccountName=" + ACCOUNT_NAME + ";AccountKey=" + ACCOUNT_KEY
                + ";TableEndpoint=" + tableEndpoint() + ";QueueEndpoint=" + queueEndpoint()
                + ";BlobEndpoint=" + blobEndpoint() + ";";
    }

    private static URI endpoint(int port) {
        return URI.create("http://127.0.0.1:" + port + "/" + ACCOUNT_NAME);
    }
}
