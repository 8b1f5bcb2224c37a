package io.skystate.api;

/** The provider rejected the call because of rate or capacity limits. Retry with backoff; nothing was written. */
public class ThrottledException extends SkystateException {
    private static final long serialVersionUID = 1L;

    public ThrottledException(String provider, String message) {
        this(provider, message, null);
    }

    public ThrottledException(String provider, String message, Throwable cause) {
        super("THROTTLED", true, provider, message, cause);
    }
}
