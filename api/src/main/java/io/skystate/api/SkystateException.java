package io.skystate.api;

/**
 * Root of every exception Skystate throws. Unchecked, so application code only catches what it can act on.
 *
 * <p>Every instance carries a stable {@link #code() error code} (the same string on every provider), whether the
 * operation may succeed if simply {@link #retryable() retried}, and the id of the {@link #provider() provider}
 * that raised it. Adapters translate their SDK's exceptions into subclasses at their boundary and keep the SDK
 * exception as the {@linkplain #getCause() cause}.
 */
public abstract class SkystateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final boolean retryable;
    private final String provider;

    protected SkystateException(String code, boolean retryable, String provider, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.retryable = retryable;
        this.provider = provider == null ? "unknown" : provider;
    }

    /** A stable, provider-independent error code such as {@code "VERSION_CONFLICT"}. */
    public String code() {
        return code;
    }

    /** True when repeating the same call later may succeed (throttling, transient faults, lost races). */
    public boolean retryable() {
        return retryable;
    }

    /** Id of the provider that raised this error, for example {@code "local"} or {@code "aws"}. */
    public String provider() {
        return provider;
    }
}
