package io.skystate.azure.internal.durable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skystate.core.workflow.interpret.StepError;
import java.util.ArrayList;
import java.util.List;

/**
 * What a parallel branch's sub-orchestration returns to its parent, success or failure alike (a branch never fails
 * as an orchestration, so its history and compensations always reach the parent): the branch's output data or its
 * error, its history entries, the compensations its tasks recorded, and the step attempts it used.
 */
record BranchResult(boolean ok, JsonNode data, String error, String cause, List<ObjectNode> history,
        List<ObjectNode> compensations, int used) {
    BranchResult {
        history = history == null ? List.of() : List.copyOf(history);
        compensations = compensations == null ? List.of() : List.copyOf(compensations);
    }

    static String succeeded(JsonNode data, Walk walk) {
        return Json.write(new BranchResult(true, data, null, null, walk.log().entries(), walk.log().compensations(),
                walk.used()));
    }

    static String failed(StepError error, Walk walk) {
        return Json.write(new BranchResult(false, null, error.error(), error.cause(), walk.log().entries(),
                walk.log().compensations(), walk.used()));
    }

    static BranchResult parse(String json) {
        return Json.read(json, BranchResult.class);
    }

    StepError stepError() {
        return new StepError(error, cause);
    }

    /** Entries of several results, in the order given. */
    static List<ObjectNode> histories(List<BranchResult> results) {
        List<ObjectNode> all = new ArrayList<>();
        results.forEach(r -> all.addAll(r.history()));
        return all;
    }
}
