package io.skystate.emulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The generic process handling, on plain shell commands: readiness, failure reports, logs, tree stop. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EmulatorProcessTest {

    @TempDir
    Path dir;

    @Test
    void exitBeforeReadyReportsExitCodeAndLogTail() {
        assertThatThrownBy(() -> EmulatorProcess.builder("early-exit", List.of("sh", "-c", "echo boom >&2; exit 3"))
                        .readiness(Readiness.tcp("127.0.0.1", FreePorts.one())).start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("early-exit exited with 3 before it was ready (TCP 127.0.0.1:")
                .hasMessageContaining("boom");
    }

    @Test
    void notReadyInTimeIsKilledAndReported() {
        Path pidFile = dir.resolve("pid");
        assertThatThrownBy(() -> EmulatorProcess.builder("never-ready",
                        List.of("sh", "-c", "echo $$ > " + pidFile + "; echo still starting; exec sleep 300"))
                .readiness(Readiness.of("never", () -> false))
                .startupTimeout(Duration.ofMillis(700))
                .start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("never-ready was not ready (never) within 0.7 s")
                .hasMessageContaining("still starting");
        long pid = Long.parseLong(read(pidFile));
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void missingProgramNamesTheInstallScript() {
        assertThatThrownBy(() -> EmulatorProcess.builder("missing", List.of(dir.resolve("no-such-binary").toString()))
                .readiness(Readiness.of("never", () -> false)).start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot start missing")
                .hasMessageContaining("scripts/install-emulators.sh");
    }

    @Test
    void closeStopsTheWholeTreeAndIsIdempotent() {
        Path ready = dir.resolve("ready");
        // A launcher shell whose server is a child: stopping the launcher alone would leave the child running.
        EmulatorProcess process = EmulatorProcess.builder("tree",
                        List.of("sh", "-c", "sleep 300 & sleep 300 & touch " + ready + "; wait"))
                .readiness(Readiness.of("ready file", () -> Files.exists(ready)))
                .stopGracePeriod(Duration.ofSeconds(1))
                .start();
        List<ProcessHandle> children = ProcessHandle.of(process.pid()).orElseThrow().descendants().toList();
        assertThat(children).hasSizeGreaterThanOrEqualTo(2);

        process.close();
        process.close();
        process.kill();

        assertThat(process.isAlive()).isFalse();
        assertThat(children).noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void killStopsAtOnceEvenWhenTermIsIgnored() {
        Path ready = dir.resolve("ready");
        EmulatorProcess process = EmulatorProcess.builder("stubborn",
                        List.of("sh", "-c", "trap '' TERM; touch " + ready + "; while true; do sleep 1; done"))
                .readiness(Readiness.of("ready file", () -> Files.exists(ready)))
                .stopGracePeriod(Duration.ofSeconds(30))
                .start();
        long started = System.nanoTime();
        process.kill();
        assertThat(process.isAlive()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void outputGoesToOneLogPerStart() throws Exception {
        try (EmulatorProcess first = echo("logged", "first", dir.resolve("first"));
             EmulatorProcess second = echo("logged", "second", dir.resolve("second"))) {
            assertThat(first.log()).isNotEqualTo(second.log());
            assertThat(second.log().getFileName().toString()).matches("logged-\\d+\\.log");
            assertThat(first.log().getParent()).isEqualTo(Path.of("target/emulators").toAbsolutePath());
            assertThat(Files.readString(first.log())).contains("first");
            assertThat(Files.readString(second.log())).contains("second");
            assertThat(second.logTail()).contains("second");
        }
    }

    private static EmulatorProcess echo(String name, String text, Path ready) {
        return EmulatorProcess.builder(name, List.of("sh", "-c", "echo " + text + "; touch " + ready + "; exec sleep 300"))
                .readiness(Readiness.of("ready file", () -> Files.exists(ready)))
                .start();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
