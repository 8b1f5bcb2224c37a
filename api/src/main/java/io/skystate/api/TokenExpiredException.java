package io.skystate.api;

/** A correctly signed callback or session token is past its expiry (or its callback timed out). Nothing changed. */
public class TokenExpiredException extends SkystateException {
    private static final long serialVersionUID = 1L;

    public TokenExpiredException(String provider, String message) {
        this(provider, message, null);
    }

    public TokenExpiredException(String provider, String message, Throwable cause) {
        super("TOKEN_EXPIRED", false, provider, message, cause);
    }
}
