package io.skystate.gcp.workflows;

import io.skystate.conformance.Conformance;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/** The workflow suites against the Cloud Workflows engine on Skystate's Workflows runner. */
class GcpWorkflowsConformanceIT {
    @TestFactory
    Stream<DynamicNode> conformance() {
        return Conformance.suites(GcpWorkflowsTarget.INSTANCE, Conformance.WORKFLOWS);
    }
}
