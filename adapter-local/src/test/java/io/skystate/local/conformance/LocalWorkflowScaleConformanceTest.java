package io.skystate.local.conformance;

import io.skystate.conformance.ConformanceTarget;
import io.skystate.conformance.WorkflowScaleConformance;

class LocalWorkflowScaleConformanceTest extends WorkflowScaleConformance {
    @Override
    protected ConformanceTarget target() {
        return LocalTarget.INSTANCE;
    }
}
