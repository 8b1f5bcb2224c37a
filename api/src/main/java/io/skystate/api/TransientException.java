package io.skystate.api;

/** A transient provider or network fault. The operation may or may not have taken effect unless stated otherwise. */
public class TransientException extends SkystateException {
    private static final long serialVersionUID = 1L;

    public TransientException(String provider, String message) {
        this(provider, message, null);
    }

    public TransientException(String provider, String message, Throwable cause) {
        super("TRANSIENT", true, provider, message, cause);
    }
}
