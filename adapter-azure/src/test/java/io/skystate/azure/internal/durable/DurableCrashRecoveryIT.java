package io.skystate.azure.internal.durable;

import static org.assertj.core.api.Assertions.assertThat;

import io.skystate.api.workflow.RunStatus;
import io.skystate.api.workflow.StepExecution;
import io.skystate.azure.AzureSkystate;
import io.skystate.azure.conformance.AzureTargets;
import io.skystate.emulators.Azurite;
import io.skystate.emulators.DurableTaskSidecar;
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
 * Kills (SIGKILL) the Java worker process with {@value DurableCrashApp#RUNS} workflow runs in flight on a live
 * sidecar, starts a new worker (this process) on the same task hub and tables (Azurite), and checks that every run completes,
 * every task ran at least once, and none ran more than once beyond the attempts its history records: the sidecar
 * hands the dead worker's activity back, which re-runs it (at least once); completed steps are never replayed.
 */
class DurableCrashRecoveryIT {
    @Test
    void runsInFlightSurviveAKilledWorker(@TempDir Path dir) throws Exception {
        String storage = Azurite.get().connectionString();
        String prefix = AzureTargets.newPrefix();
        Path log = dir.resolve("executions.log");
        try (DurableTaskSidecar sidecar = AzureTargets.startSidecar()) {
            String java = ProcessHandle.current().info().command().orElse("java");
            Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    DurableCrashApp.class.getName(), storage, prefix, log.toString(), String.valueOf(sidecar.port()))
                    .redirectErrorStream(true).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null && !line.startsWith("started")) {
                    // wait until all runs are started
                }
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (executions(log) < DurableCrashApp.RUNS + 10 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            child.destroyForcibly();
            child.waitFor();
            long beforeKill = executions(log);
            assertThat(beforeKill).as("task executions before the kill").isGreaterThan(0)
                    .isLessThan(3L * DurableCrashApp.RUNS);

            try (AzureSkystate recovered = DurableCrashApp.open(storage, prefix, log, sidecar.port())) {
                for (int i = 0; i < DurableCrashApp.RUNS; i++) {
                    assertThat(recovered.workflows().await("run-" + i, Duration.ofSeconds(120)).status())
                            .as("run-%d", i).isEqualTo(RunStatus.SUCCEEDED);
                }
                Map<String, Long> ran = Files.readAllLines(log).stream()
                        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
                long repeated = 0;
                for (int i = 0; i < DurableCrashApp.RUNS; i++) {
                    for (StepExecution step : recovered.workflows().history("run-" + i)) {
                        if (step.kind().equals("task")) {
                            String key = "run-" + i + " " + step.path();
                            long executions = ran.getOrDefault(key, 0L);
                            assertThat(executions).as("executions of %s (attempts %d)", key, step.attempts())
                                    .isBetween(1L, step.attempts() + 1L);
                            repeated += executions - step.attempts();
                        }
                    }
                }
                System.out.println("kill test: " + beforeKill + " task executions before the kill, " + repeated
                        + " repeated after it");
                assertThat(repeated).as("tasks re-run after the kill (at most one per worker)")
                        .isLessThanOrEqualTo(DurableWorkflowEngine.DEFAULT_WORKERS);
            }
        }
    }

    private static long executions(Path log) throws java.io.IOException {
        return Files.exists(log) ? Files.readAllLines(log).size() : 0;
    }
}
