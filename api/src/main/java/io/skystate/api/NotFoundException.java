package io.skystate.api;

/** The addressed resource (store, queue, handler, callback, message receipt) does not exist. */
public class NotFoundException extends SkystateException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String provider, String message) {
        this(provider, message, null);
    }

    public NotFoundException(String provider, String message, Throwable cause) {
        super("NOT_FOUND", false, provider, message, cause);
    }
}
