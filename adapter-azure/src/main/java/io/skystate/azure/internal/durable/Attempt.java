package io.skystate.azure.internal.durable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.durabletask.TaskFailedException;
import io.skystate.core.workflow.interpret.StepError;

/**
 * How one attempt of a step ended: a result (for a parallel step, the joined branch results) or an error.
 * Activities answer {@code {"output": value}} or {@code {"error": name, "cause": text}}.
 */
record Attempt(JsonNode result, StepError error) {
    static Attempt ok(JsonNode result) {
        return new Attempt(result, null);
    }

    static Attempt failed(StepError error) {
        return new Attempt(null, error);
    }

    static Attempt failed(String error, String cause) {
        return failed(new StepError(error, cause));
    }

    /** An activity's answer. */
    static Attempt parse(String json) {
        JsonNode answer = Json.tree(json);
        return answer.has("error") ? failed(answer.get("error").asText(), answer.path("cause").asText(""))
                : ok(answer.get("output"));
    }

    /** An activity that threw instead of answering (the engine's own failure, not a handler's). */
    static Attempt thrown(TaskFailedException e) {
        return failed(e.getErrorDetails().getErrorType(), e.getErrorDetails().getErrorMessage());
    }

    static ObjectNode answer(JsonNode output) {
        ObjectNode answer = Json.object();
        answer.set("output", output);
        return answer;
    }

    static ObjectNode answer(String error, String cause) {
        return Json.object().put("error", error).put("cause", cause);
    }

    boolean succeeded() {
        return error == null;
    }
}
