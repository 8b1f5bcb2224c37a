package io.skystate.api.workflow;

/**
 * Thrown by a handler to fail its step with a portable error name (for retry and catch rules) instead of the
 * exception's class name. Unchecked.
 */
public class StepFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String errorType;

    public StepFailure(String errorType, String message) {
        super(message);
        this.errorType = errorType;
    }

    public String errorType() {
        return errorType;
    }
}
