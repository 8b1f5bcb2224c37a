package io.skystate.api;

/** The caller passed an argument no provider accepts (for example a page size of zero). Nothing was written. */
public class InvalidRequestException extends SkystateException {
    private static final long serialVersionUID = 1L;

    public InvalidRequestException(String provider, String message) {
        this(provider, message, null);
    }

    public InvalidRequestException(String provider, String message, Throwable cause) {
        super("INVALID_REQUEST", false, provider, message, cause);
    }
}
