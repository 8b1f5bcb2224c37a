package io.skystate.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.skystate.conformance.Conformance;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every conformance suite against the local adapter with metrics and traces on: observing changes no semantics.
 * The last test checks that the suites really ran observed (meters recorded, spans exported).
 */
class ObservedLocalConformanceTest {
    @TestFactory
    Stream<DynamicNode> conformance() {
        ObservedLocalTarget target = new ObservedLocalTarget();
        DynamicTest observed = DynamicTest.dynamicTest("the suites ran observed", () -> {
            long timed = target.registry.getMeters().stream().filter(Timer.class::isInstance)
                    .mapToLong(m -> ((Timer) m).count()).sum();
            assertThat(timed).as("calls timed").isPositive();
            assertThat(target.exportedSpans.get()).as("spans exported").isPositive();
        });
        return Stream.concat(Conformance.suites(target), Stream.of(observed));
    }
}
