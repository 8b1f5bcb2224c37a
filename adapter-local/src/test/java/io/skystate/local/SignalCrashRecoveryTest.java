package io.skystate.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.skystate.api.workflow.RunStatus;
import io.skystate.api.workflow.WorkflowRun;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills (SIGKILL) a process whose runs are consuming signalled events, recovers them in this process without
 * signalling again, and checks that every run received every event exactly once and in order: a signal is committed
 * before {@code signal} returns, and an awaitEvent step consumes its event in the same transaction as its
 * transition, so a kill anywhere neither loses nor repeats an event.
 */
class SignalCrashRecoveryTest {
    @Test
    void signalledEventsSurviveKillDashNineExactlyOnce(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("signals.db");
        Path log = dir.resolve("collected.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                SignalCrashApp.class.getName(), db.toString(), log.toString()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("signalled")) {
                // wait until every event is signalled
            }
        }
        int total = SignalCrashApp.RUNS * SignalCrashApp.TICKS;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (collected(log) < total / 4 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        child.destroyForcibly();
        child.waitFor();
        assertThat(collected(log)).as("events collected before the kill").isGreaterThan(0).isLessThan(total);

        try (LocalSkystate recovered = SignalCrashApp.open(db, log)) {
            List<Object> expected = IntStream.range(0, SignalCrashApp.TICKS).mapToObj(Integer::valueOf)
                    .map(Object.class::cast).toList();
            for (int i = 0; i < SignalCrashApp.RUNS; i++) {
                WorkflowRun run = recovered.workflows().await("run-" + i, Duration.ofSeconds(60));
                assertThat(run.status()).as("run-%d", i).isEqualTo(RunStatus.SUCCEEDED);
                @SuppressWarnings("unchecked")
                List<Object> ticks = (List<Object>) recovered.codec().decode(run.output().orElseThrow(),
                        java.util.Map.class).get("ticks");
                assertThat(ticks).as("events run-%d received", i).containsExactlyElementsOf(expected);
            }
        }
    }

    private static long collected(Path log) throws java.io.IOException {
        return Files.exists(log) ? Files.readAllLines(log).size() : 0;
    }
}
