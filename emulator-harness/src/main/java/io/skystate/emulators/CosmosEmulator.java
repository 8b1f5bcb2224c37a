package io.skystate.emulators;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The Cosmos DB (NoSQL API) emulator: {@code @vercel/cosmosdb-server} (npm, pinned in {@code emulators/package.json})
 * in memory, over plain HTTP on a free loopback port. Log: {@code target/emulators/cosmosdb-server.log}. Why this one
 * and what it gets wrong: {@code emulators/README.md}.
 *
 * <p>Clients ({@code com.azure:azure-cosmos}): {@code new CosmosClientBuilder().endpoint(endpoint()).key(KEY)
 * .gatewayMode().endpointDiscoveryEnabled(false).contentResponseOnWriteEnabled(true)}, and the system property (or
 * environment variable {@code COSMOS_HTTP_CONNECTION_WITHOUT_TLS_ALLOWED}) {@value #HTTP_WITHOUT_TLS_PROPERTY}
 * {@code =true} set before the client is built: without it the SDK speaks TLS to the plain-HTTP port ("not an
 * SSL/TLS record"). Thread-safe.
 */
public final class CosmosEmulator extends RunningEmulator {
    /** The well-known Cosmos DB emulator key (the server accepts any key; the SDK needs a well-formed one). */
    public static final String KEY =
            "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";
    /** The Java SDK's system property that lets it use an {@code http://} endpoint. */
    public static final String HTTP_WITHOUT_TLS_PROPERTY = "COSMOS.HTTP_CONNECTION_WITHOUT_TLS_ALLOWED";

    private static final Shared<CosmosEmulator> SHARED = new Shared<>();

    private final URI endpoint;

    private CosmosEmulator(EmulatorProcess process, URI endpoint, boolean isShared) {
        super("Cosmos emulator", process, isShared);
        this.endpoint = endpoint;
    }

    /** The instance shared by this JVM, started on first use and stopped when the JVM exits. Do not close it. */
    public static CosmosEmulator get() {
        return SHARED.get(() -> launch(true));
    }

    /** A private instance; the caller closes it. */
    public static CosmosEmulator start() {
        return launch(false);
    }

    private static CosmosEmulator launch(boolean isShared) {
        String script = RepoPaths.installed("emulators/node_modules/@vercel/cosmosdb-server/lib/cli.js").toString();
        int port = FreePorts.one();
        URI endpoint = URI.create("http://127.0.0.1:" + port + "/");
        EmulatorProcess process = EmulatorProcess.builder("cosmosdb-server", List.of("node", script, "--no-ssl",
                        "--host", "127.0.0.1", "--port", Integer.toString(port)))
                .readiness(Readiness.httpAnswer(endpoint))
                .stopGracePeriod(Duration.ofSeconds(2))
                .start();
        return new CosmosEmulator(process, endpoint, isShared);
    }

    /** {@code http://127.0.0.1:<port>/}, the account endpoint for {@code CosmosClientBuilder.endpoint}. */
    public URI endpoint() {
        return endpoint;
    }

    /** {@link #KEY}. */
    public String key() {
        return KEY;
    }

}
