package io.skystate.gcpworkflows;

/**
 * A request the runner refuses, other than a missing resource or an invalid workflow source: for example an
 * argument that is not JSON or is over 32 KB, or cancelling an execution that already ended. {@link #status()} is
 * the {@code google.rpc.Code} name the REST API answers with ({@code INVALID_ARGUMENT}, {@code FAILED_PRECONDITION},
 * {@code ALREADY_EXISTS}).
 */
public final class RequestRejectedException extends WorkflowsRunnerException {
    private static final long serialVersionUID = 1L;
    private final String status;

    public RequestRejectedException(String status, String message) {
        super(message);
        this.status = status;
    }

    public String status() {
        return status;
    }
}
