// Deliberate violation for ArchitectureRulesBiteTest; ArchitectureTest excludes ..archfixture.. packages.
package io.skystate.core.archfixture;

import io.skystate.emulators.archfixture.EmulatorThing;
import java.net.URI;

/** Breaks ONLY_TESTS_USE_THE_EMULATOR_HARNESS: production code reaching for the emulator harness. */
public class CoreStartsEmulator {
    public URI endpoint(EmulatorThing emulator) {
        return emulator.endpoint();
    }
}
