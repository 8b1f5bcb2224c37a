package io.skystate.bench.scaling;

import io.skystate.api.Skystate;
import io.skystate.emulators.FirestoreEmulator;
import io.skystate.gcp.GcpSkystate;
import java.security.SecureRandom;

/**
 * A fresh {@link GcpSkystate} (its own collection prefix) on a Firestore emulator, on a clock the benchmark can move.
 * Runs on adapter-gcp's own class path (see the scaling step of {@code scripts/run-benchmarks.sh}).
 */
final class GcpTarget implements CallbackSweepBench.Target {
    /** adapter-gcp's {@code Sweeper} sweeps its callbacks this often. */
    static final long SWEEP_INTERVAL_MILLIS = 500;
    static final String SWEEPER_THREAD = "skystate-gcp-callback-sweeper";

    private final MutableClock clock = new MutableClock();
    private final GcpSkystate skystate;

    GcpTarget(String hostPort, String name) {
        skystate = GcpSkystate.builder().project(FirestoreEmulator.PROJECT_ID).firestoreEmulator(hostPort)
                .prefix("b" + name.replaceAll("[^A-Za-z0-9]", "") + "-").keyEncryptionKey(kek()).clock(clock).build();
    }

    /** A random key to wrap the key rings the adapter generates (it stores them only wrapped). */
    private static byte[] kek() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
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
