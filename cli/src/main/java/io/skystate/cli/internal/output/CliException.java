package io.skystate.cli.internal.output;

import io.skystate.cli.ExitCode;

/** A failure the command line detected itself (an unreadable file, a bad value), with the exit code it ends with. */
public final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient ExitCode exitCode;

    public CliException(ExitCode exitCode, String message) {
        this(exitCode, message, null);
    }

    public CliException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
