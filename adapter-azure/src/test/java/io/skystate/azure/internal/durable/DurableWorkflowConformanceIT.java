package io.skystate.azure.internal.durable;

import io.skystate.conformance.Conformance;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/** The workflow suites against the Durable engine on the durabletask-go sidecar. */
class DurableWorkflowConformanceIT {
    @TestFactory
    Stream<DynamicNode> workflows() {
        return Conformance.suites(DurableTarget.INSTANCE, Conformance.WORKFLOWS);
    }
}
