package io.skystate.local.conformance;

import io.skystate.conformance.ConformanceTarget;
import io.skystate.conformance.StateKeyConformance;

class LocalStateKeyConformanceTest extends StateKeyConformance {
    @Override
    protected ConformanceTarget target() {
        return LocalTarget.INSTANCE;
    }
}
