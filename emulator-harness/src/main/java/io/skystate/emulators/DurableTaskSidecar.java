package io.skystate.emulators;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Durable Task sidecar (the engine behind Azure Durable Functions): {@code .emulators/bin/durabletask-sidecar},
 * the wrapper main of {@code emulators/go/durabletask-sidecar} over {@code github.com/microsoft/durabletask-go}'s
 * SQLite backend, serving gRPC on a free loopback port. Log: {@code target/emulators/durabletask-sidecar.log}.
 *
 * <p>Clients ({@code com.microsoft:durabletask-client}): the builders' {@code port(p)} dials {@code localhost:p};
 * give them a channel to {@link #host()} instead, {@code .grpcChannel(ManagedChannelBuilder.forAddress(host(),
 * port()).usePlaintext().build())} (the caller then shuts that channel down). The Java worker runs one work item at
 * a time on its stream thread, so a blocking activity holds up everything that worker has.
 *
 * <p>Recovery, as measured (emulators/README.md): a Java worker that dies mid-activity closes its stream and the
 * sidecar hands the activity to the next worker at once; only a sidecar that dies with a {@linkplain
 * Options#database(Path) database file} leaves locks behind, which expire after {@link Options#lockTimeout}. An
 * activity or orchestrator step that takes longer than the lock timeout is dispatched again while it runs, and the
 * instance can then stall: keep the timeout above the longest step a test runs.
 *
 * <p>Thread-safe.
 */
public final class DurableTaskSidecar extends RunningEmulator {
    private static final Shared<DurableTaskSidecar> SHARED = new Shared<>();

    private final int port;
    private final Options options;

    private DurableTaskSidecar(EmulatorProcess process, int port, Options options, boolean isShared) {
        super("Durable Task sidecar", process, isShared);
        this.port = port;
        this.options = options;
    }

    /**
     * The instance shared by this JVM, with {@link Options#defaults()}, started on first use and stopped when the JVM
     * exits. Do not close or kill it.
     */
    public static DurableTaskSidecar get() {
        return SHARED.get(() -> launch(Options.defaults(), true));
    }

    /** A private instance with {@link Options#defaults()}; the caller closes it. */
    public static DurableTaskSidecar start() {
        return start(Options.defaults());
    }

    /** A private instance with the given options; the caller closes it. */
    public static DurableTaskSidecar start(Options options) {
        return launch(options, false);
    }

    private static DurableTaskSidecar launch(Options options, boolean isShared) {
        String binary = RepoPaths.installed(".emulators/bin/durabletask-sidecar").toString();
        int port = options.port == 0 ? FreePorts.one() : options.port;
        List<String> command = new ArrayList<>(List.of(binary, "-host", "127.0.0.1", "-port", Integer.toString(port),
                "-orchestration-lock-timeout", options.lockTimeout.toMillis() + "ms",
                "-activity-lock-timeout", options.lockTimeout.toMillis() + "ms",
                "-max-orchestrations", Integer.toString(options.maxOrchestrations),
                "-max-activities", Integer.toString(options.maxActivities),
                "-log-level", options.logLevel));
        if (options.database != null) {
            command.add("-db");
            command.add(options.database.toAbsolutePath().toString());
        }
        EmulatorProcess process = EmulatorProcess.builder("durabletask-sidecar", command)
                .readiness(Readiness.tcp("127.0.0.1", port))
                .stopGracePeriod(Duration.ofSeconds(2))
                .start();
        return new DurableTaskSidecar(process, port, options, isShared);
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
    public String target() {
        return host() + ":" + port;
    }

    /** The options it was started with, the port filled in: {@code start(options().port(...))} restarts it there. */
    public Options options() {
        return options.port(port);
    }

    /**
     * Kills a private instance at once (SIGKILL), as a crash would. Start a new one on the same
     * {@linkplain #options() options} (port and database file) to recover its work.
     *
     * @throws IllegalStateException on the shared instance
     */
    public void kill() {
        requirePrivate();
        process().kill();
    }

    /**
     * How to run the sidecar. Immutable and thread-safe: each setter returns a copy.
     *
     * @param port gRPC port; 0 picks a free one
     * @param database SQLite file, created if missing; {@code null} keeps everything in memory
     * @param lockTimeout how long a dispatched work item stays locked (both the orchestration and the activity lock;
     *     v0.6.0's SQLite backend uses the orchestration lock timeout for activities too)
     * @param maxOrchestrations orchestration work items the sidecar dispatches in parallel
     * @param maxActivities activity work items the sidecar dispatches in parallel
     * @param logLevel {@code debug}, {@code info}, {@code warn} or {@code error}
     */
    public record Options(int port, Path database, Duration lockTimeout, int maxOrchestrations, int maxActivities,
                          String logLevel) {
        /** Validates the values. */
        public Options {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port " + port);
            }
            Objects.requireNonNull(lockTimeout, "lockTimeout");
            if (lockTimeout.toMillis() < 1) {
                throw new IllegalArgumentException("lockTimeout must be at least 1 ms: " + lockTimeout);
            }
            if (maxOrchestrations < 1 || maxActivities < 1) {
                throw new IllegalArgumentException("parallelism must be at least 1");
            }
            if (!List.of("debug", "info", "warn", "error").contains(logLevel)) {
                throw new IllegalArgumentException("logLevel must be debug, info, warn or error: " + logLevel);
            }
        }

        /**
         * A free port, in memory, 30 s lock timeout, 8 orchestration and 8 activity work items in parallel (about
         * 100 three-activity orchestrations/s here, against about 50 with the stock 1 and 1), log level warn.
         */
        public static Options defaults() {
            return new Options(0, null, Duration.ofSeconds(30), 8, 8, "warn");
        }

        /** With this gRPC port (0: a free one). */
        public Options port(int port) {
            return new Options(port, database, lockTimeout, maxOrchestrations, maxActivities, logLevel);
        }

        /** With this SQLite file ({@code null}: in memory). */
        public Options database(Path database) {
            return new Options(port, database, lockTimeout, maxOrchestrations, maxActivities, logLevel);
        }

        /** With this lock timeout. */
        public Options lockTimeout(Duration lockTimeout) {
            return new Options(port, database, lockTimeout, maxOrchestrations, maxActivities, logLevel);
        }

        /** With these parallelism limits. */
        public Options parallelism(int maxOrchestrations, int maxActivities) {
            return new Options(port, database, lockTimeout, maxOrchestrations, maxActivities, logLevel);
        }

        /** With this log level. */
        public Options logLevel(String logLevel) {
            return new Options(port, database, lockTimeout, maxOrchestrations, maxActivities, logLevel);
        }
    }
}
