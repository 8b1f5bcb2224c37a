package io.skystate.api;

/** A wait or a call ran past its deadline. */
public class DeadlineExceededException extends SkystateException {
    private static final long serialVersionUID = 1L;

    public DeadlineExceededException(String provider, String message) {
        this(provider, message, null);
    }

    public DeadlineExceededException(String provider, String message, Throwable cause) {
        super("DEADLINE_EXCEEDED", false, provider, message, cause);
    }
}
