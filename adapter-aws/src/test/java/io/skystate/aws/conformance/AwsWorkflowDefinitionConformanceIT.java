package io.skystate.aws.conformance;

import io.skystate.conformance.ConformanceTarget;
import io.skystate.conformance.WorkflowDefinitionConformance;

class AwsWorkflowDefinitionConformanceIT extends WorkflowDefinitionConformance {
    @Override
    protected ConformanceTarget target() {
        return AwsTarget.INSTANCE;
    }
}
