package io.skystate.azure.conformance;

import io.skystate.api.KeyRing;
import io.skystate.api.Skystate;
import io.skystate.azure.AzureSkystate;
import io.skystate.azure.AzureSkystateBuilder.StateBackend;
import io.skystate.conformance.ConformanceTarget;
import io.skystate.conformance.Gaps;
import io.skystate.conformance.Timing;

/**
 * The Azure adapter with state in Cosmos DB for NoSQL, on {@code @vercel/cosmosdb-server} (queues on Azurite), or a
 * real account under {@code -Plive}. Emulator gaps: {@link AzureCosmosGaps}.
 */
public final class AzureCosmosTarget implements ConformanceTarget {
    public static final AzureCosmosTarget INSTANCE = new AzureCosmosTarget();

    private AzureCosmosTarget() {
    }

    @Override
    public String adapterId() {
        return "azure-cosmos";
    }

    @Override
    public Skystate open() {
        return AzureTargets.build(AzureSkystate.builder(), StateBackend.COSMOS, AzureTargets.newPrefix());
    }

    @Override
    public Skystate open(KeyRing callbackKeys, KeyRing sessionKeys) {
        return AzureTargets.build(AzureSkystate.builder().callbackKeys(callbackKeys).sessionKeys(sessionKeys),
                StateBackend.COSMOS, AzureTargets.newPrefix());
    }

    /** Every call crosses a network; queue receives poll. */
    @Override
    public Timing timing() {
        return Timing.DEFAULT.scaledBy(2);
    }

    @Override
    public Gaps gaps() {
        return AzureTargets.live() ? Gaps.none() : AzureCosmosGaps.EMULATOR;
    }
}
