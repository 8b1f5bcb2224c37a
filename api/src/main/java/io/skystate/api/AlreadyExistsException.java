package io.skystate.api;

/** A create-if-absent write found a record (that has not expired) under the key. Nothing was written. */
public class AlreadyExistsException extends SkystateException {
    private static final long serialVersionUID = 1L;

    public AlreadyExistsException(String provider, String message) {
        this(provider, message, null);
    }

    public AlreadyExistsException(String provider, String message, Throwable cause) {
        super("ALREADY_EXISTS", false, provider, message, cause);
    }
}
