package io.skystate.gcp.conformance;

import io.skystate.api.KeyRing;
import io.skystate.api.Skystate;
import io.skystate.conformance.ConformanceTarget;
import io.skystate.conformance.Gaps;
import io.skystate.conformance.Timing;
import io.skystate.emulators.FirestoreEmulator;
import io.skystate.emulators.PubSubEmulator;
import io.skystate.gcp.GcpSkystate;
import io.skystate.gcp.GcpSkystateBuilder;
import io.skystate.gcp.emulator.FunctionServer;
import java.util.UUID;

/**
 * Binds the conformance suites to the Google Cloud adapter: state on the Firestore emulator, queues on pstest, and a
 * {@link FunctionServer} running the real {@code SkystateHttpFunction} for callback URLs and handler endpoints. Each
 * instance gets its own resource prefix (its own collections, topics and subscriptions). Emulator gaps are declared
 * in {@link GcpGaps}. Under {@code -Plive} the same suites run against the project in {@code GOOGLE_CLOUD_PROJECT}
 * with application default credentials (see {@link #live()}).
 */
public final class GcpTarget implements ConformanceTarget {
    public static final GcpTarget INSTANCE = new GcpTarget();
    /** No Cloud KMS emulator exists: on the emulators, generated key rings are wrapped with this test-only key. */
    public static final byte[] TEST_KEY_ENCRYPTION_KEY = "skystate-gcp-emulator-test-kek-32bytes!".getBytes(
            java.nio.charset.StandardCharsets.US_ASCII);

    private GcpTarget() {
    }

    @Override
    public String adapterId() {
        return "gcp";
    }

    @Override
    public Skystate open() {
        return build(GcpSkystate.builder());
    }

    @Override
    public Skystate open(KeyRing callbackKeys, KeyRing sessionKeys) {
        return build(GcpSkystate.builder().callbackKeys(callbackKeys).sessionKeys(sessionKeys));
    }

    /** Every call crosses a network to an emulator; Pub/Sub's shortest ack deadline is a whole second. */
    @Override
    public Timing timing() {
        return Timing.DEFAULT.scaledBy(2);
    }

    @Override
    public Gaps gaps() {
        return live() ? Gaps.none() : GcpGaps.EMULATORS;
    }

    /** True under {@code -Plive}: the suites then run against a real project, with no emulator gaps declared. */
    static boolean live() {
        return Boolean.getBoolean("skystate.gcp.live");
    }

    /** An instance against the shared emulators (or, live, the real project) with a fresh prefix. */
    public static GcpSkystate build(GcpSkystateBuilder builder) {
        return build(builder, "t" + UUID.randomUUID().toString().substring(0, 8) + "-");
    }

    static GcpSkystate build(GcpSkystateBuilder builder, String prefix) {
        FunctionServer function = new FunctionServer();
        if (live()) {
            builder.project(System.getenv("GOOGLE_CLOUD_PROJECT")).kmsKey(System.getenv("SKYSTATE_KMS_KEY"));
        } else {
            builder.project(FirestoreEmulator.PROJECT_ID).firestoreEmulator(FirestoreEmulator.get().hostPort())
                    .pubSubEmulator(PubSubEmulator.get().hostPort()).keyEncryptionKey(TEST_KEY_ENCRYPTION_KEY);
        }
        GcpSkystate skystate = builder.prefix(prefix).httpBaseUrl(function.baseUrl()).handlerEndpoints(true).build();
        function.serve(skystate);
        return skystate;
    }
}
