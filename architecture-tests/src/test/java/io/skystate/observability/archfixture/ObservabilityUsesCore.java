// Deliberate violation for ArchitectureRulesBiteTest; ArchitectureTest excludes ..archfixture.. packages.
package io.skystate.observability.archfixture;

import io.skystate.core.archfixture.CoreThing;

/** Breaks OBSERVABILITY_DECORATES_THE_PORTABLE_API_ONLY: the decorator uses core. */
public class ObservabilityUsesCore {
    public CoreThing core() {
        return new CoreThing();
    }
}
