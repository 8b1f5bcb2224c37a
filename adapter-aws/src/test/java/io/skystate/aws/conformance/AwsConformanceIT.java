package io.skystate.aws.conformance;

import io.skystate.conformance.Conformance;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/** Every conformance suite against the AWS adapter on moto (or, under {@code -Plive}, a real account). */
class AwsConformanceIT {
    @TestFactory
    Stream<DynamicNode> conformance() {
        return Conformance.suites(AwsTarget.INSTANCE);
    }
}
