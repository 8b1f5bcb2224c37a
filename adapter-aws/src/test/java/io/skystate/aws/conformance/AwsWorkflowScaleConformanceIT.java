package io.skystate.aws.conformance;

import io.skystate.conformance.ConformanceTarget;
import io.skystate.conformance.WorkflowScaleConformance;

class AwsWorkflowScaleConformanceIT extends WorkflowScaleConformance {
    @Override
    protected ConformanceTarget target() {
        return AwsTarget.INSTANCE;
    }
}
