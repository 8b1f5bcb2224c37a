package io.skystate.local.conformance;

import io.skystate.conformance.ConformanceTarget;
import io.skystate.conformance.WorkflowDefinitionConformance;

class LocalWorkflowDefinitionConformanceTest extends WorkflowDefinitionConformance {
    @Override
    protected ConformanceTarget target() {
        return LocalTarget.INSTANCE;
    }
}
