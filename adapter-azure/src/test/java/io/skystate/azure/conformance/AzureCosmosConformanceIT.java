package io.skystate.azure.conformance;

import io.skystate.conformance.Conformance;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/** Every conformance suite against the Azure adapter with Cosmos DB state, on its emulator and Azurite. */
class AzureCosmosConformanceIT {
    @TestFactory
    Stream<DynamicNode> conformance() {
        return Conformance.suites(AzureCosmosTarget.INSTANCE);
    }
}
