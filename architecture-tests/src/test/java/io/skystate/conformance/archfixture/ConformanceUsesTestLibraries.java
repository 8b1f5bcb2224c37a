// Compliant fixture for ArchitectureRulesBiteTest; ArchitectureTest excludes ..archfixture.. packages.
package io.skystate.conformance.archfixture;

import static org.assertj.core.api.Assertions.assertThat;

import io.skystate.api.archfixture.ApiUsesJdkOnly;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Satisfies CONFORMANCE_DEPENDS_ONLY_ON_API_AND_TEST_LIBRARIES: JDK, api and test libraries only. */
public abstract class ConformanceUsesTestLibraries {
    @Test
    void roundTrip() {
        assertThat(new ApiUsesJdkOnly(Duration.ZERO, Optional.empty()).timeout()).isZero();
    }
}
