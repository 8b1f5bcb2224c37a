package io.skystate.core.workflow;

import io.skystate.api.InvalidRequestException;
import io.skystate.api.SkystateException;
import io.skystate.api.handler.HandlerFailedException;
import io.skystate.api.handler.HandlerNotFoundException;
import io.skystate.api.workflow.StepFailure;
import io.skystate.api.workflow.WorkflowErrors;

/**
 * Names a handler's failure the portable way, identically on every engine: the {@link StepFailure#errorType()} or
 * the thrown exception's class name (as Lambda reports it), {@link WorkflowErrors#HANDLER_NOT_FOUND}, or
 * {@link WorkflowErrors#INVALID_INPUT} for input that does not decode.
 */
public final class StepErrors {
    /** An error name for retry and catch rules, and a human-readable cause. */
    public record Named(String error, String cause) {
    }

    private StepErrors() {
    }

    public static Named name(Throwable thrown) {
        if (thrown instanceof HandlerNotFoundException e) {
            return new Named(WorkflowErrors.HANDLER_NOT_FOUND, e.getMessage());
        }
        if (thrown instanceof InvalidRequestException e) {
            return new Named(WorkflowErrors.INVALID_INPUT, e.getMessage());
        }
        if (thrown instanceof HandlerFailedException e && e.getCause() != null) {
            Throwable cause = e.getCause();
            String type = cause instanceof StepFailure failure ? failure.errorType() : cause.getClass().getName();
            return new Named(type, String.valueOf(cause.getMessage()));
        }
        if (thrown instanceof SkystateException e) {
            return new Named("Skystate." + e.code(), e.getMessage());
        }
        return new Named(thrown.getClass().getName(), String.valueOf(thrown.getMessage()));
    }
}
