package io.skystate.azure.internal.durable;

import io.skystate.conformance.Conformance;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The workflow suites against the Durable engine on the durabletask-go sidecar. {@code -Dskystate.suites=A,B} runs
 * only the suites with those simple names.
 */
class DurableWorkflowConformanceIT {
    @TestFactory
    Stream<DynamicNode> workflows() {
        String only = System.getProperty("skystate.suites", "");
        return Conformance.suites(DurableTarget.INSTANCE, Conformance.WORKFLOWS.stream()
                .filter(s -> only.isEmpty() || only.contains(s.getSimpleName())).toList());
    }
}
