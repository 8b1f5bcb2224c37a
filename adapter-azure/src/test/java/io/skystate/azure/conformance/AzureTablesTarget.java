package io.skystate.azure.conformance;

import io.skystate.azure.AzureSkystateBuilder.StateBackend;
import io.skystate.conformance.Gaps;

/**
 * The Azure adapter with state in Azure Table Storage and workflows on Durable Task, on Azurite and the durabletask-go
 * sidecar (or a real storage account under {@code -Plive}).
 */
public final class AzureTablesTarget extends AzureTarget {
    public static final AzureTablesTarget INSTANCE = new AzureTablesTarget();

    private AzureTablesTarget() {
        super(StateBackend.TABLES);
    }

    @Override
    public String adapterId() {
        return "azure-tables";
    }

    @Override
    public Gaps gaps() {
        return AzureTablesGaps.AZURITE;
    }
}
