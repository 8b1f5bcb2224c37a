package io.skystate.cli.internal.output;

import io.skystate.api.AlreadyExistsException;
import io.skystate.api.InvalidKeyException;
import io.skystate.api.InvalidRequestException;
import io.skystate.api.InvalidTokenException;
import io.skystate.api.NotFoundException;
import io.skystate.api.PayloadTooLargeException;
import io.skystate.api.ProviderNotFoundException;
import io.skystate.api.SkystateException;
import io.skystate.api.TokenExpiredException;
import io.skystate.api.UnsupportedCapabilityException;
import io.skystate.api.VersionConflictException;
import io.skystate.api.callback.CallbackAlreadyResolvedException;
import io.skystate.api.handler.HandlerNotFoundException;
import io.skystate.api.state.TransactionFailedException;
import io.skystate.api.workflow.InvalidWorkflowException;
import io.skystate.api.workflow.RunStateException;
import io.skystate.cli.ExitCode;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Turns what a command throws into one line on standard error and an {@link ExitCode}: Skystate's typed errors by
 * their meaning, {@link CliException} by the code it carries, anything else as a {@link ExitCode#FAILURE} (with the
 * stack trace only under {@code --debug}).
 */
public final class Failures implements CommandLine.IExecutionExceptionHandler {
    private final PrintWriter err;

    public Failures(PrintWriter err) {
        this.err = err;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine line, CommandLine.ParseResult parsed) {
        ExitCode code = classify(e);
        err.println("skystate: " + describe(e));
        if (code == ExitCode.FAILURE && parsed.hasMatchedOption("--debug")) {
            e.printStackTrace(err);
        }
        err.flush();
        return code.code();
    }

    /** The exit status picocli reports for exceptions it handles itself. */
    public static int exitCode(Throwable t) {
        return classify(t).code();
    }

    /** The exit code for {@code t}, by its type. */
    public static ExitCode classify(Throwable t) {
        if (t instanceof CliException cli) {
            return cli.exitCode();
        }
        if (t instanceof NotFoundException || t instanceof HandlerNotFoundException) {
            return ExitCode.NOT_FOUND;
        }
        if (t instanceof AlreadyExistsException || t instanceof VersionConflictException
                || t instanceof RunStateException || t instanceof CallbackAlreadyResolvedException
                || t instanceof TransactionFailedException) {
            return ExitCode.CONFLICT;
        }
        if (t instanceof InvalidWorkflowException || t instanceof InvalidRequestException
                || t instanceof InvalidKeyException || t instanceof PayloadTooLargeException
                || t instanceof InvalidTokenException || t instanceof TokenExpiredException) {
            return ExitCode.INVALID;
        }
        if (t instanceof UnsupportedCapabilityException || t instanceof UnsupportedOperationException) {
            return ExitCode.UNSUPPORTED;
        }
        if (t instanceof ProviderNotFoundException) {
            return ExitCode.CONFIGURATION;
        }
        if (t instanceof CommandLine.ParameterException) {
            return ExitCode.USAGE;
        }
        return ExitCode.FAILURE;
    }

    /** {@code CODE (provider): message} for Skystate's errors, the message otherwise. */
    static String describe(Throwable t) {
        if (t instanceof SkystateException e) {
            return e.code() + " (" + e.provider() + "): " + e.getMessage();
        }
        if (t instanceof CliException e) {
            return e.getMessage();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return t instanceof UnsupportedOperationException ? "UNSUPPORTED: " + message
                : t.getClass().getSimpleName() + ": " + message;
    }
}
