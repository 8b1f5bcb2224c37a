package io.skystate.local.conformance;

import io.skystate.conformance.ConformanceTarget;
import io.skystate.conformance.WorkflowCallbackConformance;

class LocalWorkflowCallbackConformanceTest extends WorkflowCallbackConformance {
    @Override
    protected ConformanceTarget target() {
        return LocalTarget.INSTANCE;
    }
}
