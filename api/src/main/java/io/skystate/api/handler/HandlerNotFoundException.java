package io.skystate.api.handler;

import io.skystate.api.SkystateException;

/** No handler is registered under the requested name. */
public class HandlerNotFoundException extends SkystateException {
    private static final long serialVersionUID = 1L;

    public HandlerNotFoundException(String provider, String message) {
        this(provider, message, null);
    }

    public HandlerNotFoundException(String provider, String message, Throwable cause) {
        super("HANDLER_NOT_FOUND", false, provider, message, cause);
    }
}
