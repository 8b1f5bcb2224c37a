package io.skystate.local.conformance;

import io.skystate.conformance.ConformanceTarget;
import io.skystate.conformance.StateListingConformance;

class LocalStateListingConformanceTest extends StateListingConformance {
    @Override
    protected ConformanceTarget target() {
        return LocalTarget.INSTANCE;
    }
}
