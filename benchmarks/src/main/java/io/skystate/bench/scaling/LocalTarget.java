package io.skystate.bench.scaling;

import io.skystate.local.LocalSkystate;
import java.nio.file.Path;

/** A fresh file-backed {@link LocalSkystate} (no HTTP server) on a clock the benchmark can move. */
final class LocalTarget {
    /** adapter-local's {@code Housekeeper} sweeps each callback store this often. */
    static final long SWEEP_INTERVAL_MILLIS = 250;
    static final String SWEEPER_THREAD = "skystate-housekeeper";

    private LocalTarget() {
    }

    static ClockedTarget open(Path file) {
        return ClockedTarget.open(SWEEP_INTERVAL_MILLIS,
                clock -> LocalSkystate.builder().file(file).withoutHttp().clock(clock).build());
    }
}
