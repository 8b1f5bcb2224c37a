package io.skystate.emulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The repository root is found from this module's working directory, and missing installs are named. */
class RepoPathsTest {

    @Test
    void rootHoldsTheEmulatorPins() {
        assertThat(RepoPaths.root().resolve("emulators/package.json")).satisfies(p -> assertThat(Files.exists(p)).isTrue());
        assertThat(RepoPaths.root().resolve("scripts/install-emulators.sh")).exists();
    }

    @Test
    void missingInstallNamesTheScript() {
        assertThatThrownBy(() -> RepoPaths.installed(".emulators/bin/no-such-emulator"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("run scripts/install-emulators.sh first");
    }
}
