package io.skystate.aws.conformance;

import io.skystate.conformance.ConformanceTarget;
import io.skystate.conformance.WorkflowCallbackConformance;

class AwsWorkflowCallbackConformanceIT extends WorkflowCallbackConformance {
    @Override
    protected ConformanceTarget target() {
        return AwsTarget.INSTANCE;
    }
}
