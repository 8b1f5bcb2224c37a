package io.skystate.azure.internal.durable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skystate.api.workflow.RunStatus;
import io.skystate.core.workflow.interpret.StepError;

/**
 * The output of a run's orchestration, as JSON text: {@code {"status":"SUCCEEDED","output":data}} or
 * {@code {"status":"FAILED","error","cause"}} when the orchestrator ends the run, and
 * {@code {"status":"CANCELLED"|"TIMED_OUT","error","cause"}} as the output of a terminate. A failed run's
 * orchestration completes normally (its Durable status is COMPLETED): the portable error and cause travel intact,
 * which a thrown exception's failure details would not carry.
 */
final class RunResults {
    private RunResults() {
    }

    static String succeeded(JsonNode data) {
        ObjectNode result = Json.object().put("status", RunStatus.SUCCEEDED.name());
        result.set("output", data);
        return Json.write(result);
    }

    static String failed(StepError error) {
        return stopped(RunStatus.FAILED, error.error(), error.cause());
    }

    static String stopped(RunStatus status, String error, String cause) {
        return Json.write(Json.object().put("status", status.name()).put("error", error).put("cause", cause));
    }
}
