package io.skystate.azure.internal.durable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skystate.api.workflow.StepExecution.Outcome;
import io.skystate.core.workflow.interpret.StepError;
import io.skystate.core.workflow.ops.InvocationIds;
import java.util.List;

/**
 * Undoes a failed run: its recorded compensations run newest first, each as one {@link Names#COMPENSATE} activity
 * (up to three attempts inside it, as on the other engines) with the workflow data at the failure; each appears in
 * the history as a {@code compensation} entry at the step's path; a compensation that keeps failing is recorded as
 * FAILED and the rest still run. Only for non-fatal failures. The n-th compensation recorded (oldest first, the
 * run's own and those its branches handed over) is invoked as {@link InvocationIds#compensation} {@code n}: a run
 * whose compensations ran is never redriven, so each runs once per run. Deterministic.
 */
final class Saga {
    private Saga() {
    }

    static void unwind(Walk walk, JsonNode data) {
        List<ObjectNode> recorded = walk.log().compensations();
        for (int n = recorded.size(); n >= 1; n--) {
            ObjectNode compensation = recorded.get(n - 1);
            String path = compensation.get("path").asText();
            int entry = walk.log().open(path, "compensation", walk.now());
            ObjectNode request = Json.object().put("run", walk.runId()).put("path", path)
                    .put("handler", compensation.get("handler").asText())
                    .put("invocation", InvocationIds.compensation(walk.runId(), path, n));
            request.set("data", data);
            walk.action();
            JsonNode answer = Json.tree(walk.ctx().callActivity(Names.COMPENSATE, Json.write(request), String.class)
                    .await());
            walk.log().attempts(entry, answer.path("attempts").asInt(1));
            StepError error = answer.hasNonNull("error")
                    ? new StepError(answer.get("error").asText(), answer.path("cause").asText("")) : null;
            walk.log().close(entry, error == null ? Outcome.SUCCEEDED : Outcome.FAILED, walk.now(), error);
        }
    }
}
