package io.skystate.api.handler;

import io.skystate.api.SkystateException;

/**
 * A handler threw. The handler's own exception is the {@linkplain #getCause() cause} when the handler ran in this
 * process; when it ran remotely, {@link #errorType()} and the message carry what the remote side reported.
 */
public class HandlerFailedException extends SkystateException {
    private static final long serialVersionUID = 1L;

    private final String handlerName;
    private final String errorType;

    public HandlerFailedException(String provider, String handlerName, Throwable cause) {
        super("HANDLER_FAILED", false, provider,
                "handler '" + handlerName + "' failed: " + cause, cause);
        this.handlerName = handlerName;
        this.errorType = cause.getClass().getName();
    }

    public HandlerFailedException(String provider, String handlerName, String errorType, String errorMessage) {
        super("HANDLER_FAILED", false, provider,
                "handler '" + handlerName + "' failed: " + errorType + ": " + errorMessage, null);
        this.handlerName = handlerName;
        this.errorType = errorType;
    }

    /** Name of the handler that failed. */
    public String handlerName() {
        return handlerName;
    }

    /** Fully qualified class name of the error the handler raised. */
    public String errorType() {
        return errorType;
    }
}
