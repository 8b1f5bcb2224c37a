package io.skystate.emulators;

import java.time.Duration;
import java.util.List;

/**
 * The Pub/Sub emulator: {@code .emulators/bin/pstest}, the main of {@code emulators/go/pstest} serving the in-memory
 * fake {@code cloud.google.com/go/pubsub/pstest} over plaintext gRPC on a free loopback port. Log:
 * {@code target/emulators/pstest.log}. What it gets wrong: {@code emulators/README.md}.
 *
 * <p>Clients ({@code google-cloud-pubsub}): a plaintext channel, {@code ManagedChannelBuilder.forTarget(hostPort())
 * .usePlaintext().build()}, given as {@code FixedTransportChannelProvider.create(GrpcTransportChannel.create(channel))}
 * together with {@code NoCredentialsProvider.create()} to the admin clients, {@code Publisher},
 * {@code Subscriber} and {@code GrpcSubscriberStub}; the caller shuts the channel down. Thread-safe.
 */
public final class PubSubEmulator extends RunningEmulator {
    /** A project id for tests; the emulator accepts any. */
    public static final String PROJECT_ID = "demo-test";

    private static final Shared<PubSubEmulator> SHARED = new Shared<>();

    private final int port;

    private PubSubEmulator(EmulatorProcess process, int port, boolean isShared) {
        super("Pub/Sub emulator", process, isShared);
        this.port = port;
    }

    /** The instance shared by this JVM, started on first use and stopped when the JVM exits. Do not close it. */
    public static PubSubEmulator get() {
        return SHARED.get(() -> launch(true));
    }

    /** A private instance; the caller closes it. */
    public static PubSubEmulator start() {
        return launch(false);
    }

    private static PubSubEmulator launch(boolean isShared) {
        String binary = RepoPaths.installed(".emulators/bin/pstest").toString();
        int port = FreePorts.one();
        EmulatorProcess process = EmulatorProcess.builder("pstest", List.of(binary, "-host", "127.0.0.1", "-port",
                        Integer.toString(port)))
                .readiness(Readiness.tcp("127.0.0.1", port))
                .stopGracePeriod(Duration.ofSeconds(2))
                .start();
        return new PubSubEmulator(process, port, isShared);
    }

    /** {@code 127.0.0.1}. */
    public String host() {
        return "127.0.0.1";
    }

    /** The gRPC port. */
    public int port() {
        return port;
    }

    /** {@code 127.0.0.1:<port>}, a gRPC target. */
    public String hostPort() {
        return host() + ":" + port;
    }

}
