package io.skystate.api;

/** A callback or session token is malformed, forged, tampered with, or signed by an unknown key. Nothing changed. */
public class InvalidTokenException extends SkystateException {
    private static final long serialVersionUID = 1L;

    public InvalidTokenException(String provider, String message) {
        this(provider, message, null);
    }

    public InvalidTokenException(String provider, String message, Throwable cause) {
        super("INVALID_TOKEN", false, provider, message, cause);
    }
}
