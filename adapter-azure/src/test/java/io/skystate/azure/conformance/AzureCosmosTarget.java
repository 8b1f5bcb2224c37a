package io.skystate.azure.conformance;

import io.skystate.azure.AzureSkystateBuilder.StateBackend;
import io.skystate.conformance.Gaps;

/**
 * The Azure adapter with state in Cosmos DB for NoSQL, on {@code @vercel/cosmosdb-server} (queues on Azurite,
 * workflows on the durabletask-go sidecar), or a real account under {@code -Plive}. Emulator gaps:
 * {@link AzureCosmosGaps}.
 */
public final class AzureCosmosTarget extends AzureTarget {
    public static final AzureCosmosTarget INSTANCE = new AzureCosmosTarget();

    private AzureCosmosTarget() {
        super(StateBackend.COSMOS);
    }

    @Override
    public String adapterId() {
        return "azure-cosmos";
    }

    @Override
    public Gaps gaps() {
        return AzureTargets.live() ? Gaps.none() : AzureCosmosGaps.EMULATOR;
    }
}
