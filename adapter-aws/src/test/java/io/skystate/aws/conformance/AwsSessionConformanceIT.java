package io.skystate.aws.conformance;

import io.skystate.conformance.ConformanceTarget;
import io.skystate.conformance.SessionConformance;

class AwsSessionConformanceIT extends SessionConformance {
    @Override
    protected ConformanceTarget target() {
        return AwsTarget.INSTANCE;
    }
}
