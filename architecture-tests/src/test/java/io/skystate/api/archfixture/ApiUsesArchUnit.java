// Deliberate violation for ArchitectureRulesBiteTest; ArchitectureTest excludes ..archfixture.. packages.
package io.skystate.api.archfixture;

import com.tngtech.archunit.core.domain.JavaClass;

/** Breaks API_DEPENDS_ONLY_ON_JDK: an api class with a non-JDK type in its signature. */
public class ApiUsesArchUnit {
    public String nameOf(JavaClass javaClass) {
        return javaClass.getName();
    }
}
