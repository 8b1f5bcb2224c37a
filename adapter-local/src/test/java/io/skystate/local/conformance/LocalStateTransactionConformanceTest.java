package io.skystate.local.conformance;

import io.skystate.conformance.ConformanceTarget;
import io.skystate.conformance.StateTransactionConformance;

class LocalStateTransactionConformanceTest extends StateTransactionConformance {
    @Override
    protected ConformanceTarget target() {
        return LocalTarget.INSTANCE;
    }
}
