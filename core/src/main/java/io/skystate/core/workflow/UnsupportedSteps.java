package io.skystate.core.workflow;

import io.skystate.api.workflow.InvalidWorkflowException;
import io.skystate.api.workflow.Step;
import io.skystate.api.workflow.WorkflowDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lets an engine that does not run some step kinds yet reject definitions using them when they are registered (or
 * compiled), with an {@link InvalidWorkflowException} naming every such step, the adapter and the engine, so nothing
 * reaches a cloud and no run misbehaves. Pure; thread-safe.
 */
public final class UnsupportedSteps {
    private UnsupportedSteps() {
    }

    /**
     * Throws if {@code definition} has a step (at any depth) whose {@link Step#kind()} is in {@code kinds};
     * {@code engine} names the engine in the message, such as {@code "Step Functions"}.
     */
    public static void reject(String provider, String engine, WorkflowDefinition definition, Set<String> kinds) {
        List<String> problems = new ArrayList<>();
        collect(definition.steps(), "", kinds, engine, provider, problems);
        if (!problems.isEmpty()) {
            throw new InvalidWorkflowException(provider, definition.name(), problems);
        }
    }

    private static void collect(Map<String, Step> steps, String scope, Set<String> kinds, String engine,
            String provider, List<String> problems) {
        for (Step step : steps.values()) {
            if (kinds.contains(step.kind())) {
                problems.add("step '" + scope + step.name() + "': the " + provider + " adapter's " + engine
                        + " engine does not run " + step.kind() + " steps (the local engine does)");
            }
            if (step instanceof Step.Parallel parallel) {
                for (int i = 0; i < parallel.branches().size(); i++) {
                    collect(parallel.branches().get(i).steps(), scope + parallel.name() + "/" + i + "/", kinds,
                            engine, provider, problems);
                }
            }
        }
    }
}
