package io.skystate.azure.conformance;

import io.skystate.conformance.Conformance;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/** Every conformance suite against the Azure adapter with Table Storage state, on Azurite. */
class AzureTablesConformanceIT {
    @TestFactory
    Stream<DynamicNode> conformance() {
        return Conformance.suites(AzureTablesTarget.INSTANCE);
    }
}
