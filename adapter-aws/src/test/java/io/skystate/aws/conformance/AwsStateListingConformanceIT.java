package io.skystate.aws.conformance;

import io.skystate.conformance.ConformanceTarget;
import io.skystate.conformance.StateListingConformance;

class AwsStateListingConformanceIT extends StateListingConformance {
    @Override
    protected ConformanceTarget target() {
        return AwsTarget.INSTANCE;
    }
}
