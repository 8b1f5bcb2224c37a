package io.skystate.api.callback;

import io.skystate.api.SkystateException;

/** The callback was already completed, failed or timed out; tokens are single-use. Nothing changed. */
public class CallbackAlreadyResolvedException extends SkystateException {
    private static final long serialVersionUID = 1L;

    public CallbackAlreadyResolvedException(String provider, String message) {
        this(provider, message, null);
    }

    public CallbackAlreadyResolvedException(String provider, String message, Throwable cause) {
        super("CALLBACK_ALREADY_RESOLVED", false, provider, message, cause);
    }
}
