package io.skystate.core.workflow.interpret;

import io.skystate.api.workflow.WorkflowErrors;
import java.util.Objects;

/**
 * An error a step ended with: its portable name (what retry and catch rules match) and a human-readable cause.
 * Immutable.
 */
public record StepError(String error, String cause) {
    public StepError {
        Objects.requireNonNull(error, "error");
        cause = cause == null ? "" : cause;
    }

    /** A path that selected nothing or could not be written: ends the run at once, on every engine. */
    public static StepError dataError(String cause) {
        return new StepError(WorkflowErrors.DATA_ERROR, cause);
    }

    /** True for errors no retry or catch rule can match (they end the run at once, as on Step Functions). */
    public boolean fatal() {
        return WorkflowErrors.isFatal(error);
    }
}
