package io.skystate.local.conformance;

import io.skystate.conformance.ConformanceTarget;
import io.skystate.conformance.QueueConformance;

class LocalQueueConformanceTest extends QueueConformance {
    @Override
    protected ConformanceTarget target() {
        return LocalTarget.INSTANCE;
    }
}
