package io.skystate.bench.gcp;

import io.skystate.bench.overhead.PairedState;
import io.skystate.emulators.FirestoreEmulator;

/**
 * Client CPU time of {@link FirestoreBench}'s two sides, paired in one JVM ({@link PairedState}), against a Firestore
 * emulator it starts for the run and stops after; the emulator's own work is in its Node process, so the CPU time of
 * this JVM is the client's. Decided on the process's CPU time: the Firestore client sends and receives on gRPC's
 * threads while the calling thread waits on a future, so the calling thread's CPU time misses most of the work.
 * Writes {@code gcp-paired.json}. Runs on adapter-gcp's class path, as {@link FirestoreBenchMain}. Args: output
 * directory.
 */
public final class FirestorePairedCpu {
    private FirestorePairedCpu() {
    }

    public static void main(String[] args) throws Exception {
        String out = args.length > 0 ? args[0] : "target";
        try (FirestoreEmulator emulator = FirestoreEmulator.start()) {
            System.out.println("firestore emulator at " + emulator.hostPort());
            System.setProperty("bench.firestore", emulator.hostPort());
            PairedState.run(out, "gcp", FirestoreBench::new);
        }
    }
}
