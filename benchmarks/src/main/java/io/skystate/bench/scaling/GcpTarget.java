package io.skystate.bench.scaling;

import io.skystate.emulators.FirestoreEmulator;
import io.skystate.gcp.GcpSkystate;

/**
 * A fresh {@link GcpSkystate} (its own collection prefix) on a Firestore emulator, on a clock the benchmark can move.
 * Runs on adapter-gcp's own class path (see the scaling step of {@code scripts/run-benchmarks.sh}).
 */
final class GcpTarget {
    /** adapter-gcp's {@code Sweeper} sweeps its callbacks this often. */
    static final long SWEEP_INTERVAL_MILLIS = 500;
    static final String SWEEPER_THREAD = "skystate-gcp-callback-sweeper";

    private GcpTarget() {
    }

    static ClockedTarget open(String hostPort, String name) {
        return ClockedTarget.open(SWEEP_INTERVAL_MILLIS, clock -> GcpSkystate.builder()
                .project(FirestoreEmulator.PROJECT_ID).firestoreEmulator(hostPort)
                .prefix(ClockedTarget.prefix(name) + "-").keyEncryptionKey(ClockedTarget.randomKey())
                .clock(clock).build());
    }
}
