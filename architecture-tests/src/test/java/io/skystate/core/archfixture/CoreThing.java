// Compliant fixture for ArchitectureRulesBiteTest; ArchitectureTest excludes ..archfixture.. packages.
package io.skystate.core.archfixture;

/** A core class for other fixtures to depend on, so the bite tests need nothing from the real core. */
public class CoreThing {
}
