package io.skystate.azure.conformance;

import io.skystate.conformance.Gaps;

/**
 * Rules the Tables binding cannot show on Azurite: none. Azurite serves tables and queues faithfully enough for every
 * non-workflow rule (its single-threaded server also makes conditional writes atomic, as Table Storage does).
 */
final class AzureTablesGaps {
    static final Gaps AZURITE = Gaps.none();

    private AzureTablesGaps() {
    }
}
