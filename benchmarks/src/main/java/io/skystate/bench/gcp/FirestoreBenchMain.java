package io.skystate.bench.gcp;

import io.skystate.bench.overhead.OverheadRounds;
import io.skystate.bench.overhead.PairedState;
import io.skystate.emulators.FirestoreEmulator;

/**
 * Runs {@link FirestoreBench} against a Firestore emulator it starts for the run ({@link FirestoreEmulator#start()}:
 * {@code node emulators/firestore-emulator.js} on a free port, its log under the {@code skystate.emulators.logs}
 * directory) and stops after: by default in two JMH rounds of opposite order ({@link OverheadRounds}:
 * {@code jmh-gcp-r<round>.json}; about 4 minutes on 2 cores); with the second argument {@code paired}, both sides
 * paired in this JVM ({@link PairedState}: {@code gcp-paired.json}; about 3 minutes). Paired, the goal is decided on
 * the process's CPU time: the emulator's work is in its Node process, so this JVM's CPU time is the client's, and the
 * Firestore client sends and receives on gRPC's threads while the calling thread waits on a future, which the calling
 * thread's CPU time misses. Args: output directory, optionally {@code paired}.
 */
public final class FirestoreBenchMain {
    private FirestoreBenchMain() {
    }

    public static void main(String[] args) throws Exception {
        String out = args.length > 0 ? args[0] : "target";
        try (FirestoreEmulator emulator = FirestoreEmulator.start()) {
            System.out.println("firestore emulator at " + emulator.hostPort());
            if (args.length > 1 && args[1].equals("paired")) {
                System.setProperty("bench.firestore", emulator.hostPort());
                PairedState.run(out, "gcp", FirestoreBench::new);
            } else {
                OverheadRounds.run(out, "gcp", FirestoreBench.class, "-Dbench.firestore=" + emulator.hostPort());
            }
        }
    }
}
