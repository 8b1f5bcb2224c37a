package io.skystate.azure.internal.durable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skystate.api.workflow.StepExecution.Outcome;
import io.skystate.core.workflow.interpret.StepError;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Undoes a failed run: its recorded compensations run newest first, each as one {@link Names#COMPENSATE} activity
 * (up to three attempts inside it, as on the other engines) with the workflow data at the failure; each appears in
 * the history as a {@code compensation} entry at the step's path; a compensation that keeps failing is recorded as
 * FAILED and the rest still run. Only for non-fatal failures. Deterministic.
 */
final class Saga {
    private Saga() {
    }

    static void unwind(Walk walk, JsonNode data) {
        List<ObjectNode> newestFirst = new ArrayList<>(walk.log().compensations());
        Collections.reverse(newestFirst);
        for (ObjectNode compensation : newestFirst) {
            String path = compensation.get("path").asText();
            int entry = walk.log().open(path, "compensation", walk.now());
            ObjectNode request = Json.object().put("run", walk.runId()).put("path", path)
                    .put("handler", compensation.get("handler").asText());
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
