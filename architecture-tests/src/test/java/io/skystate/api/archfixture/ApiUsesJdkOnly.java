// Compliant fixture for ArchitectureRulesBiteTest; ArchitectureTest excludes ..archfixture.. packages.
package io.skystate.api.archfixture;

import java.time.Duration;
import java.util.Optional;

/** Satisfies both api rules: JDK types and its own module only. */
public record ApiUsesJdkOnly(Duration timeout, Optional<byte[]> payload) {
}
