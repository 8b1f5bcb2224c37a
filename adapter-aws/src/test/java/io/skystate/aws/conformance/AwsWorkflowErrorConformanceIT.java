package io.skystate.aws.conformance;

import io.skystate.conformance.ConformanceTarget;
import io.skystate.conformance.WorkflowErrorConformance;

class AwsWorkflowErrorConformanceIT extends WorkflowErrorConformance {
    @Override
    protected ConformanceTarget target() {
        return AwsTarget.INSTANCE;
    }
}
