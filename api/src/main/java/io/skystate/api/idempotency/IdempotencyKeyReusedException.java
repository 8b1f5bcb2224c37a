package io.skystate.api.idempotency;

import io.skystate.api.SkystateException;

/** An idempotency key was reused with a different payload; the handler was not run. */
public class IdempotencyKeyReusedException extends SkystateException {
    private static final long serialVersionUID = 1L;

    public IdempotencyKeyReusedException(String provider, String message) {
        this(provider, message, null);
    }

    public IdempotencyKeyReusedException(String provider, String message, Throwable cause) {
        super("IDEMPOTENCY_KEY_REUSED", false, provider, message, cause);
    }
}
