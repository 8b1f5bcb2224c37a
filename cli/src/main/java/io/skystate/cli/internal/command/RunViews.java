package io.skystate.cli.internal.command;

import io.skystate.api.workflow.PendingCallback;
import io.skystate.api.workflow.RunSummary;
import io.skystate.api.workflow.StepExecution;
import io.skystate.api.workflow.WorkflowRun;
import io.skystate.cli.internal.output.JsonText;
import io.skystate.cli.internal.output.Output;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** How runs, steps and callbacks are shown: the columns and fields every run and callback command prints. */
final class RunViews {
    static final List<String> RUN_COLUMNS = List.of("instance", "workflow", "version", "status", "started", "ended",
            "error", "redrives");
    static final List<String> STEP_COLUMNS = List.of("step", "kind", "outcome", "started", "duration", "attempts",
            "error", "cause");
    static final List<String> CALLBACK_COLUMNS = List.of("instance", "step", "since", "timeout", "token");

    private RunViews() {
    }

    static Map<String, Object> run(WorkflowRun run) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("instance", run.instanceId());
        fields.put("workflow", run.workflow());
        fields.put("version", run.version());
        fields.put("status", run.status());
        fields.put("started", run.startedAt());
        fields.put("ended", run.endedAt());
        fields.put("error", run.error());
        fields.put("cause", run.cause());
        fields.put("output", run.output().map(JsonText::of));
        return fields;
    }

    static List<Object> row(RunSummary run) {
        return List.of(run.instanceId(), run.workflow(), run.version(), run.status(), run.startedAt(),
                run.endedAt(), run.error(), run.redriveCount());
    }

    static Output.Table steps(List<StepExecution> steps) {
        List<List<Object>> rows = new ArrayList<>();
        for (StepExecution step : steps) {
            rows.add(row(step));
        }
        return new Output.Table(STEP_COLUMNS, rows);
    }

    static List<Object> row(StepExecution step) {
        Optional<Duration> took = step.endedAt().map(end -> Duration.between(step.startedAt(), end));
        return List.of(step.path(), step.kind(), step.outcome(), step.startedAt(), took, step.attempts(),
                step.error(), step.cause());
    }

    static Output.Table callbacks(List<PendingCallback> callbacks) {
        List<List<Object>> rows = new ArrayList<>();
        for (PendingCallback callback : callbacks) {
            rows.add(List.of(callback.instanceId(), callback.stepPath(), callback.since(), callback.timeoutAt(),
                    callback.token()));
        }
        return new Output.Table(CALLBACK_COLUMNS, rows);
    }

    /** One line of progress for a step that started or ended: {@code  ✓ charge  SUCCEEDED  12 ms}. */
    static String progress(StepExecution step) {
        String mark = switch (step.outcome()) {
            case RUNNING -> "…";
            case SUCCEEDED -> "✓";
            case CAUGHT -> "↷";
            case FAILED -> "✗";
            case CANCELLED -> "-";
        };
        String took = step.endedAt().map(end -> "  " + Duration.between(step.startedAt(), end).toMillis() + " ms")
                .orElse("");
        return "  " + mark + " " + step.path() + " (" + step.kind() + ") " + step.outcome() + took
                + step.error().map(e -> "  " + e).orElse("");
    }

    static String elapsed(Instant since, Instant now) {
        return Duration.between(since, now).toMillis() + " ms";
    }
}
