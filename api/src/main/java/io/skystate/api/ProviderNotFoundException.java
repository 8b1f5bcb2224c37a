package io.skystate.api;

/** No provider matched the configuration. The message lists every provider that was found and why each was not used. */
public class ProviderNotFoundException extends SkystateException {
    private static final long serialVersionUID = 1L;

    public ProviderNotFoundException(String provider, String message) {
        this(provider, message, null);
    }

    public ProviderNotFoundException(String provider, String message, Throwable cause) {
        super("PROVIDER_NOT_FOUND", false, provider, message, cause);
    }
}
