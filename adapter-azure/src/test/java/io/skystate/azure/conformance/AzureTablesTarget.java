package io.skystate.azure.conformance;

import io.skystate.api.KeyRing;
import io.skystate.api.Skystate;
import io.skystate.azure.AzureSkystate;
import io.skystate.azure.AzureSkystateBuilder.StateBackend;
import io.skystate.conformance.ConformanceTarget;
import io.skystate.conformance.Gaps;
import io.skystate.conformance.Timing;

/** The Azure adapter with state in Azure Table Storage, on Azurite (or a real account under {@code -Plive}). */
public final class AzureTablesTarget implements ConformanceTarget {
    public static final AzureTablesTarget INSTANCE = new AzureTablesTarget();

    private AzureTablesTarget() {
    }

    @Override
    public String adapterId() {
        return "azure-tables";
    }

    @Override
    public Skystate open() {
        return AzureTargets.build(AzureSkystate.builder(), StateBackend.TABLES, AzureTargets.newPrefix());
    }

    @Override
    public Skystate open(KeyRing callbackKeys, KeyRing sessionKeys) {
        return AzureTargets.build(AzureSkystate.builder().callbackKeys(callbackKeys).sessionKeys(sessionKeys),
                StateBackend.TABLES, AzureTargets.newPrefix());
    }

    /** Every call crosses a network to Azurite, and queue receives poll. */
    @Override
    public Timing timing() {
        return Timing.DEFAULT.scaledBy(2);
    }

    @Override
    public Gaps gaps() {
        return AzureTablesGaps.AZURITE;
    }
}
