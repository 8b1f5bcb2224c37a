package io.skystate.azure.internal;

import com.azure.core.exception.HttpResponseException;
import com.azure.cosmos.CosmosException;
import io.skystate.api.InvalidRequestException;
import io.skystate.api.NotFoundException;
import io.skystate.api.SkystateException;
import io.skystate.api.ThrottledException;
import io.skystate.api.TransientException;

/**
 * Translates Azure SDK exceptions (Storage: {@link HttpResponseException}; Cosmos DB: {@link CosmosException}; network
 * failures: anything else) into Skystate's typed exceptions at the adapter boundary, keeping the SDK error as the
 * cause. They arrive here only after the SDK's own retry policy gave up. Conditional-write outcomes (404, 409, 412)
 * are handled by the callers, which know what the condition was. Stateless.
 */
public final class AzureErrors {
    public static final String PROVIDER = "azure";

    private AzureErrors() {
    }

    /** The HTTP status of an SDK exception, or -1 for a failure without a response (network, timeout). */
    public static int status(RuntimeException e) {
        if (e instanceof HttpResponseException http && http.getResponse() != null) {
            return http.getResponse().getStatusCode();
        }
        if (e instanceof CosmosException cosmos) {
            return cosmos.getStatusCode();
        }
        return -1;
    }

    public static SkystateException translate(String what, RuntimeException e) {
        if (e instanceof SkystateException already) {
            return already;
        }
        int status = status(e);
        String detail = what + ": " + firstLine(e.getMessage());
        if (status == 429 || (status == 503 && !(e instanceof CosmosException) && isServerBusy(e))) {
            return new ThrottledException(PROVIDER, what + " was throttled and the SDK's retries ran out: "
                    + firstLine(e.getMessage()), e);
        }
        if (status == 404) {
            return new NotFoundException(PROVIDER, detail, e);
        }
        if (status == 400 || status == 401 || status == 403 || status == 405 || status == 413) {
            return new InvalidRequestException(PROVIDER, detail, e);
        }
        return new TransientException(PROVIDER, what + " failed"
                + (status > 0 ? " with HTTP " + status : "") + " after the SDK's retries: " + firstLine(e.getMessage()), e);
    }

    /** Storage answers 503 ServerBusy when an account or partition is over its scalability targets: throttling. */
    private static boolean isServerBusy(RuntimeException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("ServerBusy") || message.contains("OperationTimedOut");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
