// Violating fixture for ArchitectureRulesBiteTest; ArchitectureTest excludes ..archfixture.. packages.
package io.skystate.maven.archfixture;

import io.skystate.aws.archfixture.AwsThing;

/** A plugin class that calls cloud code directly instead of going through a DeploymentPackager. */
public class PluginUsesAws {
    public AwsThing aws() {
        return new AwsThing();
    }
}
