package io.skystate.gcpworkflows;

/**
 * The root of the exceptions that Skystate's Workflows runner throws to its Java callers. Unchecked. Errors raised
 * inside a workflow are not Java exceptions: they end the execution as {@link ExecutionState#FAILED} with an
 * {@link ExecutionError}.
 */
public abstract class WorkflowsRunnerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected WorkflowsRunnerException(String message) {
        super(message);
    }

    protected WorkflowsRunnerException(String message, Throwable cause) {
        super(message, cause);
    }
}
