package io.skystate.bench.scaling;

import io.skystate.api.Skystate;
import io.skystate.local.LocalSkystate;
import java.nio.file.Path;

/** A fresh file-backed {@link LocalSkystate} (no HTTP server) on a clock the benchmark can move. */
final class LocalTarget implements CallbackSweepBench.Target {
    /** adapter-local's {@code Housekeeper} sweeps each callback store this often. */
    static final long SWEEP_INTERVAL_MILLIS = 250;
    static final String SWEEPER_THREAD = "skystate-housekeeper";

    private final MutableClock clock = new MutableClock();
    private final LocalSkystate skystate;

    LocalTarget(Path file) {
        skystate = LocalSkystate.builder().file(file).withoutHttp().clock(clock).build();
    }

    @Override
    public Skystate skystate() {
        return skystate;
    }

    @Override
    public MutableClock clock() {
        return clock;
    }

    @Override
    public long sweepIntervalMillis() {
        return SWEEP_INTERVAL_MILLIS;
    }

    @Override
    public void close() {
        skystate.close();
    }
}
