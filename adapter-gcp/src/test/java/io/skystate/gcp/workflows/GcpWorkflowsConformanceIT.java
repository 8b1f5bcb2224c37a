package io.skystate.gcp.workflows;

import io.skystate.conformance.Conformance;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The workflow suites against the GCP stack: {@link io.skystate.gcp.GcpSkystate} with state on the Firestore
 * emulator and queues on pstest, its HTTP function serving the task endpoint and the callback relay, and Skystate's
 * Workflows runner playing Cloud Workflows ({@link GcpStackTarget}).
 */
class GcpWorkflowsConformanceIT {
    @TestFactory
    Stream<DynamicNode> conformance() {
        return Conformance.suites(GcpStackTarget.INSTANCE, Conformance.WORKFLOWS);
    }
}
