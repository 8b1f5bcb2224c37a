// Deliberate violation for ArchitectureRulesBiteTest; ArchitectureTest excludes ..archfixture.. packages.
package io.skystate.aws.archfixture;

import io.skystate.local.internal.archfixture.LocalInternalThing;

/** Breaks NO_MODULE_REACHES_INTO_ANOTHER_MODULES_INTERNALS (and the adapter rule): aws uses local's internals. */
public class ReachesIntoLocalInternal {
    public LocalInternalThing borrowed() {
        return new LocalInternalThing();
    }
}
