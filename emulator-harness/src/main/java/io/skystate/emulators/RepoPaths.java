package io.skystate.emulators;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the pinned emulators are: the repository root holding {@code emulators/} (pins) and {@code .emulators/}
 * (what {@code scripts/install-emulators.sh} installed). Stateless and thread-safe.
 */
public final class RepoPaths {
    /** System property naming the repository root; the modules' failsafe configuration sets it. */
    public static final String ROOT_PROPERTY = "skystate.emulators.dir";

    private RepoPaths() {
    }

    /**
     * The repository root: the {@value #ROOT_PROPERTY} property if set, else the nearest ancestor of the working
     * directory that holds {@code emulators/package.json}.
     *
     * @throws IllegalStateException if neither finds it
     */
    public static Path root() {
        String configured = System.getProperty(ROOT_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("emulators/package.json"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root (no emulators/package.json above "
                + Path.of("").toAbsolutePath() + "); set -D" + ROOT_PROPERTY);
    }

    /**
     * A file the install script puts under the root, checked to exist.
     *
     * @param relative its path relative to the root, e.g. {@code .emulators/bin/pstest}
     * @throws IllegalStateException naming the install script if it is missing
     */
    public static Path installed(String relative) {
        Path path = root().resolve(relative);
        if (!Files.exists(path)) {
            throw new IllegalStateException(path + " is missing: run scripts/install-emulators.sh first");
        }
        return path;
    }
}
