package io.skystate.api;

/** The provider does not offer the requested capability; see {@link Capabilities}. */
public class UnsupportedCapabilityException extends SkystateException {
    private static final long serialVersionUID = 1L;

    public UnsupportedCapabilityException(String provider, String message) {
        this(provider, message, null);
    }

    public UnsupportedCapabilityException(String provider, String message, Throwable cause) {
        super("UNSUPPORTED_CAPABILITY", false, provider, message, cause);
    }
}
