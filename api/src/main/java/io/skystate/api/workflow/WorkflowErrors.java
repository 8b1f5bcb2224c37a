package io.skystate.api.workflow;

import java.util.List;

/**
 * Error names in workflows. A handler's error is named by the fully qualified class name of the exception it threw
 * (as AWS Lambda reports it), or by {@link StepFailure#errorType()}; callback failures by the type the completer
 * sent. The engine's own errors have the {@code Skystate.} prefix.
 */
public final class WorkflowErrors {
    /** Matches every error in retry and catch rules (ASL {@code States.ALL}). */
    public static final String ALL = "Skystate.ALL";
    /** A step, callback or heartbeat ran past its timeout (ASL {@code States.Timeout}). */
    public static final String TIMEOUT = "Skystate.Timeout";
    /** A step's handler is not registered where the engine runs. */
    public static final String HANDLER_NOT_FOUND = "Skystate.HandlerNotFound";
    /** A path in the definition selected nothing, or data had the wrong shape for it. */
    public static final String DATA_ERROR = "Skystate.DataError";
    /** A branch of a parallel step failed; the error is the branch's error. (Documentation only.) */
    public static final String CANCELLED = "Skystate.Cancelled";

    private WorkflowErrors() {
    }

    static boolean matches(List<String> patterns, String error) {
        return patterns.contains(ALL) || patterns.contains(error);
    }
}
