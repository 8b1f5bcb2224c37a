// Compliant fixture for ArchitectureRulesBiteTest; ArchitectureTest excludes ..archfixture.. packages.
package io.skystate.gcp.archfixture;

/** A class of the gcp adapter module. */
public class GcpThing {
}
