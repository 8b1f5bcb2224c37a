// Deliberate violation for ArchitectureRulesBiteTest; ArchitectureTest excludes ..archfixture.. packages.
package io.skystate.local.archfixture;

import io.skystate.aws.archfixture.AwsThing;

/** Breaks ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER: the local adapter uses the aws adapter. */
public class LocalUsesAws {
    public AwsThing other() {
        return new AwsThing();
    }
}
