// Deliberate violation for ArchitectureRulesBiteTest; ArchitectureTest excludes ..archfixture.. packages.
package io.skystate.gcpworkflows.archfixture;

import io.skystate.core.archfixture.CoreThing;

/** Breaks GCP_WORKFLOWS_RUNNER_IS_STANDALONE: the standalone runner uses a Skystate module. */
public class RunnerUsesCore {
    public CoreThing core() {
        return new CoreThing();
    }
}
