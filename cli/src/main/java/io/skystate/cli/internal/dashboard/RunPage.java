package io.skystate.cli.internal.dashboard;

import io.skystate.api.NotFoundException;
import io.skystate.api.workflow.StepExecution;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.api.workflow.WorkflowRun;
import io.skystate.api.workflow.Workflows;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /run/<id>}: the run, its pending callbacks (with complete and fail forms), its step timeline (bars on the
 * run's time axis), the workflow diagram with the run painted on it, and its history.
 */
final class RunPage implements Page {
    private final Workflows workflows;

    RunPage(Workflows workflows) {
        this.workflows = workflows;
    }

    @Override
    public void get(Exchange exchange, View view) throws IOException {
        String id = URLDecoder.decode(exchange.path().substring("/run/".length()), StandardCharsets.UTF_8);
        WorkflowRun run = workflows.run(id);
        List<StepExecution> history = workflows.history(id);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("id", run.instanceId());
        model.put("workflow", run.workflow());
        model.put("version", run.version());
        model.put("status", run.status().name());
        model.put("statusClass", run.status().name().toLowerCase(java.util.Locale.ROOT));
        model.put("running", !run.status().finished());
        model.put("started", Formats.instant(run.startedAt()));
        model.put("ended", run.endedAt().map(Formats::instant).orElse(""));
        model.put("error", run.error().orElse(""));
        model.put("cause", run.cause().orElse(""));
        model.put("output", run.output().map(b -> new String(b, StandardCharsets.UTF_8)).orElse(""));
        model.put("current", String.join(", ", RunDiagram.current(history)));
        model.put("timeline", timeline(run, history));
        WorkflowDefinition definition = workflows.definition(run.workflow(), Optional.of(run.version()))
                .orElseThrow(() -> new NotFoundException("dashboard", "no definition " + run.workflow() + " v"
                        + run.version()));
        model.put("diagram", RunDiagram.of(definition, history));
        try {
            List<Map<String, Object>> callbacks = CallbacksPage.rows(workflows.pendingCallbacks(id),
                    "/run/" + Exchange.encode(id));
            model.put("callbacks", callbacks);
            model.put("hasCallbacks", !callbacks.isEmpty());
        } catch (UnsupportedOperationException e) {
            model.put("callbacksUnavailable", e.getMessage());
        }
        view.show(exchange, 200, "run", "Run " + id, model);
    }

    /** One bar per step execution, placed on the run's time axis in percent. */
    private static List<Map<String, Object>> timeline(WorkflowRun run, List<StepExecution> history) {
        Instant start = run.startedAt();
        Instant end = run.endedAt().orElse(Instant.now());
        for (StepExecution step : history) {
            Instant stepEnd = step.endedAt().orElse(Instant.now());
            if (stepEnd.isAfter(end)) {
                end = stepEnd;
            }
        }
        double total = Math.max(1, Duration.between(start, end).toMillis());
        List<Map<String, Object>> bars = new ArrayList<>();
        for (StepExecution step : history) {
            Instant stepEnd = step.endedAt().orElse(Instant.now());
            double left = Duration.between(start, step.startedAt()).toMillis() / total * 100;
            double width = Math.max(0.5, Duration.between(step.startedAt(), stepEnd).toMillis() / total * 100);
            Map<String, Object> bar = new LinkedHashMap<>();
            bar.put("path", step.path());
            bar.put("label", step.kind().equals("compensation") ? "↩ " + step.path() + " (compensation)" : step.path());
            bar.put("kind", step.kind());
            bar.put("outcome", step.outcome().name());
            bar.put("outcomeClass", step.outcome().name().toLowerCase(java.util.Locale.ROOT));
            bar.put("started", Formats.instant(step.startedAt()));
            bar.put("took", step.endedAt().map(e -> Formats.duration(Duration.between(step.startedAt(), e))).orElse("running"));
            bar.put("attempts", step.attempts());
            bar.put("error", step.error().map(e -> e + step.cause().map(c -> ": " + c).orElse("")).orElse(""));
            bar.put("style", String.format(java.util.Locale.ROOT, "left:%.2f%%;width:%.2f%%",
                    Math.min(left, 99.5), Math.min(width, 100 - Math.min(left, 99.5))));
            bars.add(bar);
        }
        return bars;
    }
}
