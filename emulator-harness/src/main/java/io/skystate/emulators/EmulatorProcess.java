package io.skystate.emulators;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One emulator process: started from a command with its output (stdout and stderr together) in a log file, ready
 * once its {@link Readiness} passes, and stopped together with every process it started.
 *
 * <p>Logs go to {@code <dir>/<name>.log}, where {@code <dir>} is the {@value #LOG_DIR_PROPERTY} property or
 * {@code target/emulators} under the working directory; the second process of the same name in this JVM logs to
 * {@code <name>-2.log}, and so on. A JVM shutdown hook kills the process tree if nobody stopped it.
 *
 * <p>Stopping: {@link #close()} sends SIGTERM to the process and its descendants, waits for a grace period, then
 * kills what is left; {@link #kill()} kills at once (SIGKILL), as a crash would. Descendants are looked up before
 * and after the grace period, so a launcher ({@code npx}, a shell) does not leave its server running.
 *
 * <p>Thread-safe: {@link #close()} and {@link #kill()} may be called from any thread, any number of times; the first
 * call stops the process and later calls return at once.
 */
public final class EmulatorProcess implements AutoCloseable {
    /** System property naming the directory for emulator logs (default {@code target/emulators}). */
    public static final String LOG_DIR_PROPERTY = "skystate.emulators.logs";

    private static final ConcurrentMap<String, AtomicInteger> STARTS_BY_NAME = new ConcurrentHashMap<>();
    private static final Duration FORCED_EXIT_WAIT = Duration.ofSeconds(10);
    private static final int LOG_TAIL_LINES = 40;
    private static final long POLL_MILLIS = 50;

    private final String name;
    private final Process process;
    private final Path log;
    private final Duration stopGracePeriod;
    private final Thread shutdownHook;
    private boolean stopped;

    private EmulatorProcess(String name, Process process, Path log, Duration stopGracePeriod) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.stopGracePeriod = stopGracePeriod;
        this.shutdownHook = new Thread(this::kill, "emulator-shutdown-" + name);
    }

    /**
     * Starts describing a process.
     *
     * @param name short name for the log file and messages, e.g. {@code azurite}
     * @param command the program and its arguments; start servers directly ({@code node path/to/server.js}),
     *     not through {@code npx}
     */
    public static Builder builder(String name, List<String> command) {
        return new Builder(name, command);
    }

    /** The name given to the builder. */
    public String name() {
        return name;
    }

    /** The operating-system id of the started process. */
    public long pid() {
        return process.pid();
    }

    /** The log file holding the process's output. */
    public Path log() {
        return log;
    }

    /** Whether the started process is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** The last lines of the log, for error messages. */
    public String logTail() {
        return tail(log);
    }

    /** Stops the process tree: SIGTERM, the grace period, then SIGKILL for whatever is left. */
    @Override
    public void close() {
        stop(stopGracePeriod);
    }

    /** Kills the process tree at once (SIGKILL), as a crash would, and waits until it is gone. */
    public void kill() {
        stop(Duration.ZERO);
    }

    private synchronized void stop(Duration grace) {
        if (stopped) {
            return;
        }
        stopped = true;
        Set<ProcessHandle> tree = tree();
        if (!grace.isZero()) {
            tree.forEach(ProcessHandle::destroy);
            awaitExit(tree, grace);
            tree.addAll(tree());
        }
        tree.forEach(ProcessHandle::destroyForcibly);
        awaitExit(tree, FORCED_EXIT_WAIT);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // called from the hook itself, or while the JVM exits: nothing to remove
        }
    }

    /** The process and its current descendants, the process first. */
    private Set<ProcessHandle> tree() {
        Set<ProcessHandle> tree = new LinkedHashSet<>();
        tree.add(process.toHandle());
        process.toHandle().descendants().forEach(tree::add);
        return tree;
    }

    private static void awaitExit(Set<ProcessHandle> handles, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ProcessHandle handle : handles) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return;
            }
            try {
                handle.onExit().get(remaining, TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException stillRunning) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void awaitReady(Readiness readiness, Duration timeout, List<String> command) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                kill();
                throw new IllegalStateException(String.format(Locale.ROOT, "%s exited with %d before it was ready (%s)%n"
                        + "command: %s%nlast lines of %s:%n%s", name, process.exitValue(), readiness,
                        String.join(" ", command), log, tail(log)));
            }
            try {
                if (readiness.ready() && process.isAlive()) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            if (System.nanoTime() > deadline) {
                kill();
                throw new IllegalStateException(String.format(Locale.ROOT, "%s was not ready (%s) within %.1f s%ncommand: %s%n"
                        + "last lines of %s:%n%s", name, readiness, timeout.toMillis() / 1000.0, String.join(" ", command),
                        log, tail(log)));
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                kill();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
        }
    }

    private static Path nextLog(String name) {
        int n = STARTS_BY_NAME.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
        Path dir = Path.of(System.getProperty(LOG_DIR_PROPERTY, "target/emulators")).toAbsolutePath();
        return dir.resolve(n == 1 ? name + ".log" : name + "-" + n + ".log");
    }

    private static String tail(Path log) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            long from = Math.max(0, length - 16_384);
            byte[] bytes = new byte[(int) (length - from)];
            file.seek(from);
            file.readFully(bytes);
            String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\\R");
            int first = Math.max(0, lines.length - LOG_TAIL_LINES);
            return String.join(System.lineSeparator(), List.of(lines).subList(first, lines.length));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    /** Describes a process to start. Not thread-safe; use it from one thread, then discard it. */
    public static final class Builder {
        private final String name;
        private final List<String> command;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private Path workingDirectory;
        private Readiness readiness;
        private Duration startupTimeout = Duration.ofSeconds(60);
        private Duration stopGracePeriod = Duration.ofSeconds(5);

        private Builder(String name, List<String> command) {
            this.name = Objects.requireNonNull(name, "name");
            this.command = List.copyOf(command);
            if (this.command.isEmpty()) {
                throw new IllegalArgumentException("empty command");
            }
        }

        /** The check polled until the process is ready. Required. */
        public Builder readiness(Readiness readiness) {
            this.readiness = Objects.requireNonNull(readiness, "readiness");
            return this;
        }

        /** How long to wait for readiness before killing the process (default 60 s). */
        public Builder startupTimeout(Duration startupTimeout) {
            this.startupTimeout = Objects.requireNonNull(startupTimeout, "startupTimeout");
            return this;
        }

        /** How long {@link EmulatorProcess#close()} waits after SIGTERM before SIGKILL (default 5 s). */
        public Builder stopGracePeriod(Duration stopGracePeriod) {
            this.stopGracePeriod = Objects.requireNonNull(stopGracePeriod, "stopGracePeriod");
            return this;
        }

        /** The process's working directory (default: this JVM's). */
        public Builder workingDirectory(Path workingDirectory) {
            this.workingDirectory = workingDirectory;
            return this;
        }

        /** Adds an environment variable to those this JVM passes on. */
        public Builder environment(String key, String value) {
            environment.put(key, value);
            return this;
        }

        /**
         * Starts the process and waits until it is ready.
         *
         * @throws IllegalStateException if it cannot start, exits first or is not ready in time; the message holds
         *     the command and the last lines of its log, and the process tree is killed
         */
        public EmulatorProcess start() {
            Objects.requireNonNull(readiness, "readiness must be set");
            Path log = nextLog(name);
            Process process;
            try {
                Files.createDirectories(log.getParent());
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(log.toFile());
                if (workingDirectory != null) {
                    builder.directory(workingDirectory.toFile());
                }
                builder.environment().putAll(environment);
                process = builder.start();
            } catch (IOException e) {
                throw new IllegalStateException("cannot start " + name + " (" + String.join(" ", command) + "): "
                        + e.getMessage() + "; run scripts/install-emulators.sh, which checks its prerequisites", e);
            }
            EmulatorProcess started = new EmulatorProcess(name, process, log, stopGracePeriod);
            Runtime.getRuntime().addShutdownHook(started.shutdownHook);
            started.awaitReady(readiness, startupTimeout, command);
            return started;
        }
    }
}
