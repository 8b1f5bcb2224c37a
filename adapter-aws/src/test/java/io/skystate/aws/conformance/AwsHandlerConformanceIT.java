package io.skystate.aws.conformance;

import io.skystate.conformance.ConformanceTarget;
import io.skystate.conformance.HandlerConformance;

class AwsHandlerConformanceIT extends HandlerConformance {
    @Override
    protected ConformanceTarget target() {
        return AwsTarget.INSTANCE;
    }
}
