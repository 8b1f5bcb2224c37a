package io.skystate.api.idempotency;

import io.skystate.api.SkystateException;

/** Another invocation with the same idempotency key is still running and did not finish within the wait limit. */
public class IdempotencyInProgressException extends SkystateException {
    private static final long serialVersionUID = 1L;

    public IdempotencyInProgressException(String provider, String message) {
        this(provider, message, null);
    }

    public IdempotencyInProgressException(String provider, String message, Throwable cause) {
        super("IDEMPOTENCY_IN_PROGRESS", true, provider, message, cause);
    }
}
