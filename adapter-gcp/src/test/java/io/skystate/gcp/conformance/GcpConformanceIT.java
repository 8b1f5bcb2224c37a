package io.skystate.gcp.conformance;

import io.skystate.conformance.Conformance;
import io.skystate.conformance.ConformanceSuite;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Every conformance suite except the workflow ones (those run on the whole GCP stack with Skystate's Workflows
 * runner: {@code io.skystate.gcp.workflows.GcpWorkflowsConformanceIT}) against the
 * Google Cloud adapter on the Firestore emulator and pstest (or, under {@code -Plive}, a real project).
 */
class GcpConformanceIT {
    static final List<Class<? extends ConformanceSuite>> NON_WORKFLOW_SUITES = Conformance.ALL.stream()
            .filter(suite -> !Conformance.WORKFLOWS.contains(suite)).toList();

    @TestFactory
    Stream<DynamicNode> conformance() {
        return Conformance.suites(GcpTarget.INSTANCE, NON_WORKFLOW_SUITES);
    }
}
