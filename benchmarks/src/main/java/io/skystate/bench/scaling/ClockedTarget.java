package io.skystate.bench.scaling;

import io.skystate.api.Skystate;
import java.security.SecureRandom;
import java.util.function.Function;

/**
 * The {@link CallbackSweepBench.Target} of every backend: a fresh Skystate built on a clock the benchmark moves, and
 * its adapter's callback sweep interval. The per-backend classes ({@link LocalTarget}, {@link MotoTarget},
 * {@link AzureTarget}, {@link GcpTarget}) only say how to build their Skystate.
 */
record ClockedTarget(Skystate skystate, MutableClock clock, long sweepIntervalMillis)
        implements CallbackSweepBench.Target {

    /** Builds the Skystate on a new clock. */
    static ClockedTarget open(long sweepIntervalMillis, Function<MutableClock, Skystate> build) {
        MutableClock clock = new MutableClock();
        return new ClockedTarget(build.apply(clock), clock, sweepIntervalMillis);
    }

    /** A resource prefix for the target called {@code name}: {@code b} and its letters and digits. */
    static String prefix(String name) {
        return "b" + name.replaceAll("[^A-Za-z0-9]", "");
    }

    /** A random 32-byte key to wrap the key rings an adapter generates (the cloud adapters store them only wrapped). */
    static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    @Override
    public void close() {
        skystate.close();
    }
}
