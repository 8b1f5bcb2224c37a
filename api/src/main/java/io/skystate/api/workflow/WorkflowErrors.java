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
    /** The run was cancelled; also the failure its pending callbacks get, so late completions are rejected. */
    public static final String CANCELLED = "Skystate.Cancelled";
    /** A choice step without an otherwise found no rule that held (ASL {@code States.NoChoiceMatched}). */
    public static final String NO_CHOICE_MATCHED = "Skystate.NoChoiceMatched";

    private WorkflowErrors() {
    }

    static boolean matches(List<String> patterns, String error) {
        return patterns.contains(ALL) || patterns.contains(error);
    }
}
