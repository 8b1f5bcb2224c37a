package io.skystate.bench.gcp;

import io.skystate.bench.overhead.SkystateSide;
import io.skystate.bench.overhead.StateOverheadBench;
import io.skystate.bench.overhead.StateSide;
import io.skystate.emulators.FirestoreEmulator;
import io.skystate.gcp.GcpSkystate;
import java.util.UUID;

/**
 * Abstraction overhead on state for Google Cloud: adapter-gcp's Firestore {@code StateStore} (a {@link GcpSkystate}'s
 * store) against the same Firestore calls made by hand ({@link RawFirestore}), both on the Firestore emulator whose
 * {@code host:port} is the {@code bench.firestore} property (started by {@link FirestoreBenchMain}). Each trial works
 * in collections of its own (a fresh prefix; the emulator keeps everything in memory and has no reset). Operations
 * and method: {@link StateOverheadBench}.
 */
public class FirestoreBench extends StateOverheadBench {
    @Override
    protected StateSide open(String impl) {
        String hostPort = System.getProperty("bench.firestore");
        String prefix = "b" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "-";
        if (impl.equals("sdk")) {
            return new RawFirestore(hostPort, FirestoreEmulator.PROJECT_ID, prefix);
        }
        GcpSkystate skystate = GcpSkystate.builder().project(FirestoreEmulator.PROJECT_ID).firestoreEmulator(hostPort)
                .prefix(prefix).build();
        return new SkystateSide(skystate.stateStore("state"), skystate::close);
    }
}
