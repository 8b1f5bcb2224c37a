// Compliant fixture for ArchitectureRulesBiteTest; ArchitectureTest excludes ..archfixture.. packages.
package io.skystate.local.archfixture;

import io.skystate.local.internal.archfixture.LocalInternalThing;

/** Satisfies NO_MODULE_REACHES_INTO_ANOTHER_MODULES_INTERNALS: a module may use its own internal packages. */
public class LocalUsesOwnInternal {
    public LocalInternalThing own() {
        return new LocalInternalThing();
    }
}
