// Compliant fixture for ArchitectureRulesBiteTest; ArchitectureTest excludes ..archfixture.. packages.
package io.skystate.local.internal.archfixture;

/** A class in an internal package of the local module. */
public class LocalInternalThing {
}
