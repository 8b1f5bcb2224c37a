// Deliberate violation for ArchitectureRulesBiteTest; ArchitectureTest excludes ..archfixture.. packages.
package io.skystate.core.archfixture;

import io.skystate.gcp.archfixture.GcpThing;

/** Breaks CORE_DOES_NOT_DEPEND_ON_ADAPTERS. */
public class CoreUsesGcp {
    public GcpThing adapter() {
        return new GcpThing();
    }
}
