package io.skystate.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.skystate.api.workflow.RunStatus;
import io.skystate.api.workflow.StepExecution;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills (SIGKILL) a process with 100 workflow runs in flight, recovers them in this process, and checks that every
 * run completes, and that no task whose completion was committed before the kill ran again: every task ran at
 * least once, and at most as often as its history counts attempts. An attempt is recorded before its handler
 * starts, so the kill may leave one recorded attempt that never reached the handler, or one that the handler began
 * and that recovery repeats (tasks are at-least-once only across a crash inside the task).
 */
class WorkflowCrashRecoveryTest {
    @Test
    void runsInFlightSurviveKillDashNine(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("wf.db");
        Path log = dir.resolve("executions.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                WorkflowCrashApp.class.getName(), db.toString(), log.toString()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("started")) {
                // wait until all runs are started
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (executions(log) < WorkflowCrashApp.RUNS + 20 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        child.destroyForcibly();
        child.waitFor();
        long beforeKill = executions(log);
        assertThat(beforeKill).as("task executions before the kill").isGreaterThan(0).isLessThan(3L * WorkflowCrashApp.RUNS);

        try (LocalSkystate recovered = WorkflowCrashApp.open(db, log)) {
            for (int i = 0; i < WorkflowCrashApp.RUNS; i++) {
                assertThat(recovered.workflows().await("run-" + i, Duration.ofSeconds(60)).status())
                        .as("run-%d", i).isEqualTo(RunStatus.SUCCEEDED);
            }
            Map<String, Long> ran = Files.readAllLines(log).stream()
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            long repeated = 0;
            for (int i = 0; i < WorkflowCrashApp.RUNS; i++) {
                for (StepExecution step : recovered.workflows().history("run-" + i)) {
                    if (step.kind().equals("task")) {
                        String key = "run-" + i + " " + step.path();
                        long executions = ran.getOrDefault(key, 0L);
                        assertThat(executions).as("executions of %s (attempts %d)", key, step.attempts())
                                .isBetween(Math.max(1L, step.attempts() - 1L), (long) step.attempts());
                        repeated += executions - 1;
                    }
                }
            }
            assertThat(repeated).as("handler runs repeated after the kill (at most one per worker thread)")
                    .isLessThanOrEqualTo(io.skystate.local.internal.workflow.LocalWorkflowEngine.WORKERS);
        }
    }

    private static long executions(Path log) throws java.io.IOException {
        return Files.exists(log) ? Files.readAllLines(log).size() : 0;
    }
}
