package io.skystate.cli.internal.command;

import io.skystate.api.workflow.StepExecution;
import io.skystate.api.workflow.WorkflowRun;
import io.skystate.api.workflow.Workflows;
import io.skystate.cli.internal.output.Output;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows a run until it finishes or a deadline passes, printing each step as it starts and as it ends (as progress,
 * on standard error). Reads the run and its history every {@code interval}.
 */
final class ProgressWatcher {
    private final Workflows workflows;
    private final Output output;
    private final Duration interval;
    private final Map<String, StepExecution.Outcome> seen = new HashMap<>();

    ProgressWatcher(Workflows workflows, Output output, Duration interval) {
        this.workflows = workflows;
        this.output = output;
        this.interval = interval;
    }

    /** The run once finished, or as it was when {@code maxWait} passed. */
    WorkflowRun follow(String instanceId, Duration maxWait) throws InterruptedException {
        Instant deadline = Instant.now().plus(maxWait);
        while (true) {
            WorkflowRun run = workflows.run(instanceId);
            report(workflows.history(instanceId));
            if (run.status().finished() || !Instant.now().isBefore(deadline)) {
                return run;
            }
            Thread.sleep(interval.toMillis());
        }
    }

    private void report(List<StepExecution> history) {
        for (int i = 0; i < history.size(); i++) {
            StepExecution step = history.get(i);
            String key = i + ":" + step.path();
            if (seen.get(key) != step.outcome()) {
                seen.put(key, step.outcome());
                output.progress(RunViews.progress(step));
            }
        }
    }
}
