package io.skystate.azure.internal.durable;

import io.skystate.api.workflow.InvalidWorkflowException;
import io.skystate.api.workflow.Step;
import io.skystate.api.workflow.WorkflowDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one place the Durable engine does not run {@link Step.AwaitEvent awaitEvent} steps: inside a parallel branch.
 * Signals are raised on the run's own orchestration, which is where its top-level awaitEvent steps wait; a branch
 * runs as a sub-orchestration with its own event buffer, and routing an event to exactly one of the run's
 * instances, in signal order, without losing one that arrives before its step, needs an event store the branches
 * claim from, which this engine does not have yet. Definitions with such a step are refused when registered, so no
 * run waits for an event nothing delivers. Stateless.
 */
final class BranchEvents {
    private BranchEvents() {
    }

    /** Throws {@link InvalidWorkflowException} naming every awaitEvent step inside a parallel branch. */
    static void reject(String provider, WorkflowDefinition definition) {
        List<String> problems = new ArrayList<>();
        collect(definition.steps(), "", false, problems);
        if (!problems.isEmpty()) {
            throw new InvalidWorkflowException(provider, definition.name(), problems);
        }
    }

    private static void collect(Map<String, Step> steps, String scope, boolean inBranch, List<String> problems) {
        for (Step step : steps.values()) {
            if (inBranch && step instanceof Step.AwaitEvent) {
                problems.add("step '" + scope + step.name() + "': the azure adapter's Durable Task engine runs"
                        + " awaitEvent steps outside parallel branches only (signals reach the run's own"
                        + " orchestration, not its branches' sub-orchestrations)");
            }
            if (step instanceof Step.Parallel parallel) {
                for (int i = 0; i < parallel.branches().size(); i++) {
                    collect(parallel.branches().get(i).steps(), scope + parallel.name() + "/" + i + "/", true,
                            problems);
                }
            }
        }
    }
}
