package io.skystate.aws.conformance;

import io.skystate.conformance.ConformanceTarget;
import io.skystate.conformance.StateKeyConformance;

class AwsStateKeyConformanceIT extends StateKeyConformance {
    @Override
    protected ConformanceTarget target() {
        return AwsTarget.INSTANCE;
    }
}
