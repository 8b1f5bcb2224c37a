package io.skystate.cli;

/**
 * The exit codes of the {@code skystate} command, stable across releases so scripts can branch on them. Every
 * failure also prints one line to standard error: {@code skystate: CODE (provider): message}, where CODE is the
 * {@link io.skystate.api.SkystateException#code() error code} when the error came from Skystate.
 */
public enum ExitCode {
    /** The command did what it was asked. */
    OK(0),
    /** Any failure without a code of its own: a provider or I/O error, a file that cannot be read. */
    FAILURE(1),
    /** The command line itself is wrong: unknown command or option, missing or malformed parameter. */
    USAGE(2),
    /** The addressed run, workflow, record, callback or queue message does not exist. */
    NOT_FOUND(3),
    /**
     * The operation conflicts with what is there: a version or existence condition failed, the run is in a state that
     * does not allow it (signal to a finished run, redrive of a succeeded one), the callback was already resolved.
     */
    CONFLICT(4),
    /** The input is invalid: a workflow definition with problems, a malformed key, payload or token. */
    INVALID(5),
    /** The provider (or this build of its engine) does not offer the operation. */
    UNSUPPORTED(6),
    /** No provider could be opened with the configuration given (unknown provider or property, unreadable file). */
    CONFIGURATION(7),
    /** {@code run start --wait} or {@code run show --watch} saw the run end other than SUCCEEDED. */
    RUN_UNSUCCESSFUL(8),
    /** {@code run start --wait} gave up waiting while the run was still RUNNING. */
    STILL_RUNNING(9);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    /** The process exit status. */
    public int code() {
        return code;
    }
}
