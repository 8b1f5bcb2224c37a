package io.skystate.aws.emulator;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository root: the {@code skystate.emulators.dir} property, else the nearest ancestor with emulators/. */
public final class RepoPaths {
    private RepoPaths() {
    }

    public static Path root() {
        String configured = System.getProperty("skystate.emulators.dir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("emulators/package.json"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root (no emulators/package.json above "
                + Path.of("").toAbsolutePath() + ")");
    }
}
