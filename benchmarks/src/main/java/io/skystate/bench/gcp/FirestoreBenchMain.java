package io.skystate.bench.gcp;

import io.skystate.bench.overhead.OverheadRounds;
import io.skystate.emulators.FirestoreEmulator;

/**
 * Runs {@link FirestoreBench} against a Firestore emulator it starts for the run ({@link FirestoreEmulator#start()}:
 * {@code node emulators/firestore-emulator.js} on a free port, its log under the {@code skystate.emulators.logs}
 * directory) and stops after, in two rounds of opposite order ({@link OverheadRounds}:
 * {@code jmh-gcp-r<round>.json}). About 4 minutes on 2 cores with the defaults. Args: output directory.
 */
public final class FirestoreBenchMain {
    private FirestoreBenchMain() {
    }

    public static void main(String[] args) throws Exception {
        String out = args.length > 0 ? args[0] : "target";
        try (FirestoreEmulator emulator = FirestoreEmulator.start()) {
            System.out.println("firestore emulator at " + emulator.hostPort());
            OverheadRounds.run(out, "gcp", FirestoreBench.class, "-Dbench.firestore=" + emulator.hostPort());
        }
    }
}
