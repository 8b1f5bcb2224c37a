// Deliberate violation for ArchitectureRulesBiteTest; ArchitectureTest excludes ..archfixture.. packages.
package io.skystate.api.archfixture;

import io.skystate.core.archfixture.CoreThing;

/** Breaks API_DOES_NOT_DEPEND_ON_CORE (and API_DEPENDS_ONLY_ON_JDK): an api class that uses core. */
public class ApiUsesCore {
    public CoreThing core() {
        return new CoreThing();
    }
}
