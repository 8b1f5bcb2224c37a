package io.skystate.gcpworkflows;

/** A workflow or execution that the runner does not have (never created, deleted, or lost on restart). */
public final class NotFoundException extends WorkflowsRunnerException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }
}
