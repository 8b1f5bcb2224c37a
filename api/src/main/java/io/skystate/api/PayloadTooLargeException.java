package io.skystate.api;

/** A record or message exceeds the portable size cap. Raised before any provider call; nothing was written. */
public class PayloadTooLargeException extends SkystateException {
    private static final long serialVersionUID = 1L;

    public PayloadTooLargeException(String provider, String message) {
        this(provider, message, null);
    }

    public PayloadTooLargeException(String provider, String message, Throwable cause) {
        super("PAYLOAD_TOO_LARGE", false, provider, message, cause);
    }
}
