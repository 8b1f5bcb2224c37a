package io.skystate.azure.conformance;

import io.skystate.azure.AzureSkystate;
import io.skystate.azure.AzureSkystateBuilder;
import io.skystate.azure.emulator.FunctionHost;
import io.skystate.conformance.OwningSkystate;
import io.skystate.emulators.Azurite;
import io.skystate.emulators.CosmosEmulator;
import io.skystate.emulators.DurableTaskSidecar;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * How the Azure bindings build instances: against the shared Azurite (and, for Cosmos DB, the shared Cosmos DB
 * emulator) with a fresh resource prefix each, a {@link FunctionHost} playing the function app, so callback URLs and
 * handler endpoints are served by the real {@code @FunctionName} method, and a Durable Task sidecar of its own for
 * workflows. Under {@code -Plive} ({@code skystate.azure.live}) the same instances go to the account in
 * {@code SKYSTATE_AZURE_STORAGE_CONNECTION_STRING}, {@code SKYSTATE_AZURE_COSMOS_ENDPOINT} and
 * {@code SKYSTATE_AZURE_COSMOS_KEY}; workflows stay on the local sidecar (a Durable Task Scheduler needs credentials
 * the plaintext sidecar connection does not send).
 */
public final class AzureTargets {
    /** Far above the longest step any test runs: the sidecar re-dispatches an activity that outlives its lock. */
    public static final Duration LOCK_TIMEOUT = Duration.ofMinutes(2);

    /** The key-encryption key of the test instances (wraps the key rings they generate). */
    public static final byte[] TEST_KEY_ENCRYPTION_KEY = "skystate-azure-tests-key-encryption-key-0123456789"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private AzureTargets() {
    }

    /** True under {@code -Plive}: real Azure, no emulator gaps. */
    public static boolean live() {
        return Boolean.getBoolean("skystate.azure.live");
    }

    public static String newPrefix() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    /** A Durable Task sidecar of its own (in memory: it outlives the application instances it serves). */
    public static DurableTaskSidecar startSidecar() {
        return DurableTaskSidecar.start(DurableTaskSidecar.Options.defaults().lockTimeout(LOCK_TIMEOUT));
    }

    /**
     * An instance on the given state backend with workflows on {@code sidecar}, and a function host of its own serving
     * its HTTP endpoints; closing it closes the host and the sidecar too (unless {@linkplain OwningSkystate#release
     * released}).
     */
    public static OwningSkystate open(AzureSkystateBuilder builder, AzureSkystateBuilder.StateBackend state, String prefix,
            DurableTaskSidecar sidecar) {
        FunctionHost host = new FunctionHost();
        builder.state(state).prefix(prefix).httpBaseUrl(host.baseUrl()).handlerEndpoints(true)
                .keyEncryptionKey(TEST_KEY_ENCRYPTION_KEY).durableTask(sidecar.host(), sidecar.port());
        if (live()) {
            builder.storageConnectionString(env("SKYSTATE_AZURE_STORAGE_CONNECTION_STRING"));
            if (state == AzureSkystateBuilder.StateBackend.COSMOS) {
                builder.cosmos(env("SKYSTATE_AZURE_COSMOS_ENDPOINT"), env("SKYSTATE_AZURE_COSMOS_KEY"));
            }
        } else {
            builder.storageConnectionString(Azurite.get().connectionString());
            if (state == AzureSkystateBuilder.StateBackend.COSMOS) {
                builder.cosmos(CosmosEmulator.get().endpoint().toString(), CosmosEmulator.KEY)
                        .cosmosGateway(true).cosmosEndpointDiscovery(false);
            }
        }
        AzureSkystate skystate = builder.build();
        host.serve(skystate);
        return new OwningSkystate(skystate, List.of(sidecar, host));
    }

    private static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("-Plive needs the environment variable " + name);
        }
        return value;
    }
}
