// Deliberate violation for ArchitectureRulesBiteTest; ArchitectureTest excludes ..archfixture.. packages.
package io.skystate.conformance.archfixture;

import io.skystate.core.archfixture.CoreThing;

/** Breaks CONFORMANCE_DEPENDS_ONLY_ON_API_AND_TEST_LIBRARIES: a suite that uses an implementation class. */
public class ConformanceUsesCore {
    public CoreThing implementation() {
        return new CoreThing();
    }
}
