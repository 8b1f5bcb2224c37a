package io.skystate.examples.ordersaga;

import io.skystate.api.workflow.StepExecution;
import io.skystate.api.workflow.WorkflowRun;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** Prints a run and its history as a table a person can read. */
public final class RunReport {
    private RunReport() {
    }

    public static void print(PrintStream out, String title, WorkflowRun run, List<StepExecution> history) {
        long total = run.endedAt().map(end -> Duration.between(run.startedAt(), end).toMillis()).orElse(-1L);
        out.printf("%n%s — %s (%s v%d) %s in %d ms%n", title, run.instanceId(), run.workflow(), run.version(),
                run.status(), total);
        run.error().ifPresent(e -> out.printf("  error: %s — %s%n", e, run.cause().orElse("")));
        out.printf("  %-28s %-13s %-10s %8s %8s  %s%n", "step", "kind", "outcome", "start ms", "took ms", "attempts / error");
        for (StepExecution step : history) {
            long start = Duration.between(run.startedAt(), step.startedAt()).toMillis();
            String took = step.endedAt().map(end -> String.valueOf(Duration.between(step.startedAt(), end).toMillis())).orElse("-");
            out.printf("  %-28s %-13s %-10s %8d %8s  %d%s%n", step.path(), step.kind(), step.outcome(), start, took,
                    step.attempts(), step.error().map(e -> " " + e).orElse(""));
        }
        run.output().ifPresent(o -> out.printf("  output: %s%n", abbreviate(new String(o, StandardCharsets.UTF_8))));
    }

    private static String abbreviate(String text) {
        return text.length() <= 400 ? text : text.substring(0, 400) + "…";
    }
}
