package io.skystate.local.selftest;

import io.skystate.conformance.CallbackConformance;
import io.skystate.conformance.ConformanceTarget;
import io.skystate.conformance.IdempotencyConformance;
import io.skystate.conformance.QueueConformance;
import io.skystate.conformance.StateConditionConformance;
import io.skystate.conformance.StateStoreConformance;
import io.skystate.conformance.StateTtlConformance;

/**
 * The suites bound to broken targets. Not named {@code *Test}: Surefire does not run them directly;
 * {@link BrokenImplementationsTest} runs them through the JUnit engine and expects failures.
 */
final class BrokenBindings {
    private BrokenBindings() {
    }

    static class VersionsCondition extends StateConditionConformance {
        @Override
        protected ConformanceTarget target() {
            return BrokenTargets.IGNORES_VERSIONS;
        }
    }

    static class VersionsStore extends StateStoreConformance {
        @Override
        protected ConformanceTarget target() {
            return BrokenTargets.IGNORES_VERSIONS;
        }
    }

    static class ExpiredTtl extends StateTtlConformance {
        @Override
        protected ConformanceTarget target() {
            return BrokenTargets.SHOWS_EXPIRED;
        }
    }

    static class ReusableCallbacks extends CallbackConformance {
        @Override
        protected ConformanceTarget target() {
            return BrokenTargets.REUSABLE_TOKENS;
        }
    }

    static class RedeliveryQueue extends QueueConformance {
        @Override
        protected ConformanceTarget target() {
            return BrokenTargets.NEVER_REDELIVERS;
        }
    }

    static class NotIdempotent extends IdempotencyConformance {
        @Override
        protected ConformanceTarget target() {
            return BrokenTargets.NOT_IDEMPOTENT;
        }
    }
}
