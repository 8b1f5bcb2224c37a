package io.skystate.azure.internal.durable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The input of one {@link Names#ORCHESTRATION} instance: everything it needs to run deterministically, with no
 * lookup. {@code definition} is the pinned version's portable document; {@code scope} is {@code ""} for the run
 * itself or a branch's path prefix ({@code "fan/0/"}) for a branch's sub-orchestration; {@code step} and
 * {@code data} are where it starts (or resumes after continue-as-new). The rest is carried across continue-as-new:
 * step attempts {@code used} of the {@code budget} this instance may make, the saga's {@code compensations} (oldest
 * first, each {@code {path, handler}}), the history {@code entries} still in the custom status, and counters for
 * child instance ids ({@code forks}) and spilled history chunks ({@code spills}). Immutable.
 */
record RunInput(String runId, String definition, String scope, String step, JsonNode data, int used, int budget,
        List<ObjectNode> compensations, List<ObjectNode> entries, int forks, int spills) {
    RunInput {
        compensations = List.copyOf(compensations);
        entries = List.copyOf(entries);
    }

    /** The input that starts a run at the definition's start step. */
    static RunInput start(String runId, String definition, String startAt, JsonNode data, int budget) {
        return new RunInput(runId, definition, "", startAt, data, 0, budget, List.of(), List.of(), 0, 0);
    }

    /** True for a parallel branch's sub-orchestration. */
    boolean branch() {
        return !scope.isEmpty();
    }
}
