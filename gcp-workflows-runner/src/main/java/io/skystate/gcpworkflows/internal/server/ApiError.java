package io.skystate.gcpworkflows.internal.server;

/**
 * An API request the runner refuses, with the HTTP status and the {@code google.rpc.Code} name that Google APIs put
 * in their JSON error body (https://cloud.google.com/apis/design/errors#http_mapping). Unchecked.
 */
public final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int httpStatus;
    private final String status;

    ApiError(int httpStatus, String status, String message) {
        super(message);
        this.httpStatus = httpStatus;
        this.status = status;
    }

    static ApiError notFound(String message) {
        return new ApiError(404, "NOT_FOUND", message);
    }

    static ApiError invalid(String message) {
        return new ApiError(400, "INVALID_ARGUMENT", message);
    }

    static ApiError alreadyExists(String message) {
        return new ApiError(409, "ALREADY_EXISTS", message);
    }

    static ApiError failedPrecondition(String message) {
        return new ApiError(400, "FAILED_PRECONDITION", message);
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String status() {
        return status;
    }
}
