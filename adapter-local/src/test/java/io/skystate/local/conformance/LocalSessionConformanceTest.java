package io.skystate.local.conformance;

import io.skystate.conformance.ConformanceTarget;
import io.skystate.conformance.SessionConformance;

class LocalSessionConformanceTest extends SessionConformance {
    @Override
    protected ConformanceTarget target() {
        return LocalTarget.INSTANCE;
    }
}
