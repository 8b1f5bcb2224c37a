package io.skystate.emulators;

import java.time.Duration;
import java.util.List;

/**
 * The Firestore emulator: {@code @firestore-emulator/server} (npm, pinned in {@code emulators/package.json}), an
 * in-memory Firestore gRPC server started by {@code emulators/firestore-emulator.js} on a free port. The library
 * binds {@code 0.0.0.0}; clients use {@link #hostPort()} on loopback. Log:
 * {@code target/emulators/firestore.log}. What it gets wrong: {@code emulators/README.md}.
 *
 * <p>Clients ({@code google-cloud-firestore}): {@code FirestoreOptions.newBuilder().setProjectId(PROJECT_ID)
 * .setEmulatorHost(hostPort())}, and no credentials provider of your own: {@code setEmulatorHost} supplies the
 * emulator's. Thread-safe.
 */
public final class FirestoreEmulator extends RunningEmulator {
    /** A project id for tests; the emulator accepts any. */
    public static final String PROJECT_ID = "demo-test";

    private static final Shared<FirestoreEmulator> SHARED = new Shared<>();

    private final int port;

    private FirestoreEmulator(EmulatorProcess process, int port, boolean isShared) {
        super("Firestore emulator", process, isShared);
        this.port = port;
    }

    /** The instance shared by this JVM, started on first use and stopped when the JVM exits. Do not close it. */
    public static FirestoreEmulator get() {
        return SHARED.get(() -> launch(true));
    }

    /** A private instance; the caller closes it. */
    public static FirestoreEmulator start() {
        return launch(false);
    }

    private static FirestoreEmulator launch(boolean isShared) {
        RepoPaths.installed("emulators/node_modules/@firestore-emulator/server/package.json");
        String script = RepoPaths.installed("emulators/firestore-emulator.js").toString();
        int port = FreePorts.one();
        EmulatorProcess process = EmulatorProcess.builder("firestore", List.of("node", script, Integer.toString(port)))
                .readiness(Readiness.tcp("127.0.0.1", port))
                .stopGracePeriod(Duration.ofSeconds(2))
                .start();
        return new FirestoreEmulator(process, port, isShared);
    }

    /** {@code 127.0.0.1}. */
    public String host() {
        return "127.0.0.1";
    }

    /** The gRPC port. */
    public int port() {
        return port;
    }

    /** {@code 127.0.0.1:<port>}, for {@code FirestoreOptions.Builder.setEmulatorHost}. */
    public String hostPort() {
        return host() + ":" + port;
    }

}
