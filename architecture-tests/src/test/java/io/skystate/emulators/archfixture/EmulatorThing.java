// Compliant fixture for ArchitectureRulesBiteTest; ArchitectureTest excludes ..archfixture.. packages.
package io.skystate.emulators.archfixture;

import java.net.URI;

/** Satisfies EMULATOR_HARNESS_DEPENDS_ONLY_ON_JDK: an emulator class with JDK types only. */
public record EmulatorThing(URI endpoint) {
}
