package io.skystate.api;

/** A record key is empty, too long or otherwise not portable; see {@link io.skystate.api.state.Key}. Nothing was written. */
public class InvalidKeyException extends SkystateException {
    private static final long serialVersionUID = 1L;

    public InvalidKeyException(String provider, String message) {
        this(provider, message, null);
    }

    public InvalidKeyException(String provider, String message, Throwable cause) {
        super("INVALID_KEY", false, provider, message, cause);
    }
}
