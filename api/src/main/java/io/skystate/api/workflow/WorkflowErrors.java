package io.skystate.api.workflow;

import java.util.List;

/**
 * Error names in workflows. A handler's error is named by the fully qualified class name of the exception it threw
 * (as AWS Lambda reports it), or by {@link StepFailure#errorType()}; callback failures by the type the completer
 * sent. The engine's own errors have the {@code Skystate.} prefix.
 *
 * <p>Two of them are <b>fatal</b> on every engine: {@link #DATA_ERROR} and {@link #TRANSITION_LIMIT} end the whole
 * run at once, through every parallel step, with no retry, no catch (not even {@link #ALL}) and no compensation,
 * because Step Functions cannot catch the runtime errors they correspond to.
 */
public final class WorkflowErrors {
    /** Matches every error in retry and catch rules (ASL {@code States.ALL}). */
    public static final String ALL = "Skystate.ALL";
    /** A step, callback or heartbeat ran past its timeout (ASL {@code States.Timeout}). */
    public static final String TIMEOUT = "Skystate.Timeout";
    /** A step's handler is not registered where the engine runs. */
    public static final String HANDLER_NOT_FOUND = "Skystate.HandlerNotFound";
    /**
     * A path in the definition selected nothing, or data had the wrong shape for it. Fatal: ends the run at once
     * (ASL {@code States.Runtime}).
     */
    public static final String DATA_ERROR = "Skystate.DataError";
    /** A handler's input (or a callback's result) could not be decoded as the type it declares. */
    public static final String INVALID_INPUT = "Skystate.InvalidInput";
    /**
     * The run reached {@link Workflows#MAX_STEP_ATTEMPTS} step attempts. Fatal: ends the run at once, as
     * Step Functions does when an execution reaches its history limit.
     */
    public static final String TRANSITION_LIMIT = "Skystate.TransitionLimitExceeded";
    /** The run was cancelled; also the failure its pending callbacks get, so late completions are rejected. */
    public static final String CANCELLED = "Skystate.Cancelled";
    /** A choice step without an otherwise found no rule that held (ASL {@code States.NoChoiceMatched}). */
    public static final String NO_CHOICE_MATCHED = "Skystate.NoChoiceMatched";

    private WorkflowErrors() {
    }

    /** True for the errors no rule can match: {@link #DATA_ERROR} and {@link #TRANSITION_LIMIT}. */
    public static boolean isFatal(String error) {
        return DATA_ERROR.equals(error) || TRANSITION_LIMIT.equals(error);
    }

    static boolean matches(List<String> patterns, String error) {
        return !isFatal(error) && (patterns.contains(ALL) || patterns.contains(error));
    }
}
