// Compliant fixture for ArchitectureRulesBiteTest; ArchitectureTest excludes ..archfixture.. packages.
package io.skystate.aws.archfixture;

/** A class of the aws adapter module. */
public class AwsThing {
}
