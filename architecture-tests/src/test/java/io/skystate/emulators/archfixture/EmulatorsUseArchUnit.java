// Deliberate violation for ArchitectureRulesBiteTest; ArchitectureTest excludes ..archfixture.. packages.
package io.skystate.emulators.archfixture;

import com.tngtech.archunit.core.domain.JavaClass;

/** Breaks EMULATOR_HARNESS_DEPENDS_ONLY_ON_JDK: a harness class with a library type in its signature. */
public class EmulatorsUseArchUnit {
    public String nameOf(JavaClass javaClass) {
        return javaClass.getName();
    }
}
