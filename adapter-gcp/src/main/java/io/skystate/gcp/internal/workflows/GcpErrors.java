package io.skystate.gcp.internal.workflows;

import com.google.api.gax.rpc.ApiException;
import io.skystate.api.AlreadyExistsException;
import io.skystate.api.InvalidRequestException;
import io.skystate.api.NotFoundException;
import io.skystate.api.SkystateException;
import io.skystate.api.ThrottledException;
import io.skystate.api.TransientException;

/** Google API errors (gax {@link ApiException}) in Skystate's types, keeping the cause. Stateless. */
final class GcpErrors {
    static final String PROVIDER = "gcp";

    private GcpErrors() {
    }

    static SkystateException translate(String what, ApiException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = what + ": " + e.getStatusCode().getCode() + " " + e.getMessage()
                + (root == e ? "" : " (" + root.getMessage() + ")");
        return switch (e.getStatusCode().getCode()) {
            case NOT_FOUND -> new NotFoundException(PROVIDER, message, e);
            case ALREADY_EXISTS -> new AlreadyExistsException(PROVIDER, message, e);
            case INVALID_ARGUMENT, FAILED_PRECONDITION, OUT_OF_RANGE -> new InvalidRequestException(PROVIDER, message, e);
            case RESOURCE_EXHAUSTED -> new ThrottledException(PROVIDER, message, e);
            default -> new TransientException(PROVIDER, message, e);
        };
    }

    /** True when {@code e} has gRPC code {@code code}. */
    static boolean is(ApiException e, com.google.api.gax.rpc.StatusCode.Code code) {
        return e.getStatusCode().getCode() == code;
    }
}
