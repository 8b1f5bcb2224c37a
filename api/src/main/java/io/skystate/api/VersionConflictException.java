package io.skystate.api;

/** A conditional write or delete named a version that is no longer current. Nothing was written; re-read and retry. */
public class VersionConflictException extends SkystateException {
    private static final long serialVersionUID = 1L;

    public VersionConflictException(String provider, String message) {
        this(provider, message, null);
    }

    public VersionConflictException(String provider, String message, Throwable cause) {
        super("VERSION_CONFLICT", true, provider, message, cause);
    }
}
