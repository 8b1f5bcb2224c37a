package io.skystate.azure.conformance;

import io.skystate.azure.AzureSkystate;
import io.skystate.azure.AzureSkystateBuilder;
import io.skystate.azure.emulator.FunctionHost;
import io.skystate.conformance.Conformance;
import io.skystate.conformance.ConformanceSuite;
import io.skystate.emulators.Azurite;
import io.skystate.emulators.CosmosEmulator;
import java.util.List;
import java.util.UUID;

/**
 * How the Azure bindings build instances: against the shared Azurite (and, for Cosmos DB, the shared Cosmos DB
 * emulator) with a fresh resource prefix each, and a {@link FunctionHost} playing the function app, so callback URLs
 * and handler endpoints are served by the real {@code @FunctionName} method. Under {@code -Plive}
 * ({@code skystate.azure.live}) the same instances go to the account in {@code SKYSTATE_AZURE_STORAGE_CONNECTION_STRING},
 * {@code SKYSTATE_AZURE_COSMOS_ENDPOINT} and {@code SKYSTATE_AZURE_COSMOS_KEY}.
 */
public final class AzureTargets {
    /** Every suite but the workflow ones: the Durable Functions engine is not wired in yet. */
    public static final List<Class<? extends ConformanceSuite>> NON_WORKFLOW_SUITES = Conformance.ALL.stream()
            .filter(suite -> !Conformance.WORKFLOWS.contains(suite)).toList();

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

    /** An instance on the given state backend, with the function host serving its HTTP endpoints. */
    public static AzureSkystate build(AzureSkystateBuilder builder, AzureSkystateBuilder.StateBackend state, String prefix) {
        FunctionHost host = new FunctionHost();
        builder.state(state).prefix(prefix).httpBaseUrl(host.baseUrl()).handlerEndpoints(true)
                .keyEncryptionKey(TEST_KEY_ENCRYPTION_KEY);
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
        return skystate;
    }

    private static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("-Plive needs the environment variable " + name);
        }
        return value;
    }
}
