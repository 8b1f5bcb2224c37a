package io.skystate.local.conformance;

import io.skystate.conformance.Conformance;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/** Every conformance suite against the embedded adapter. */
class LocalConformanceTest {
    @TestFactory
    Stream<DynamicNode> conformance() {
        return Conformance.suites(LocalTarget.INSTANCE);
    }
}
