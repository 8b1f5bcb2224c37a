package io.skystate.aws.conformance;

import io.skystate.conformance.ConformanceTarget;
import io.skystate.conformance.StateConditionConformance;

class AwsStateConditionConformanceIT extends StateConditionConformance {
    @Override
    protected ConformanceTarget target() {
        return AwsTarget.INSTANCE;
    }
}
