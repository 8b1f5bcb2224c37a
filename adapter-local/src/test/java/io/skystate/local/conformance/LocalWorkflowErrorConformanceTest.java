package io.skystate.local.conformance;

import io.skystate.conformance.ConformanceTarget;
import io.skystate.conformance.WorkflowErrorConformance;

class LocalWorkflowErrorConformanceTest extends WorkflowErrorConformance {
    @Override
    protected ConformanceTarget target() {
        return LocalTarget.INSTANCE;
    }
}
