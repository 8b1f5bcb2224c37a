package io.skystate.aws.internal.asl;

import io.skystate.api.workflow.WorkflowErrors;
import java.util.ArrayList;
import java.util.List;

/**
 * Error names between Skystate workflows and Step Functions. Handler errors (exception class names,
 * {@link io.skystate.api.workflow.StepFailure} types, {@code Skystate.*} names sent by the worker) pass unchanged;
 * only the engine's own names differ.
 */
public final class AslErrors {
    public static final String STATES_ALL = "States.ALL";
    public static final String STATES_TIMEOUT = "States.Timeout";
    public static final String STATES_HEARTBEAT_TIMEOUT = "States.HeartbeatTimeout";
    /** The error of a choice that matched no rule and has no otherwise (the local engine's name). */
    public static final String NO_CHOICE_MATCHED = WorkflowErrors.NO_CHOICE_MATCHED;

    private AslErrors() {
    }

    /** The ASL name to match in {@code ErrorEquals}: {@code States.ALL}, {@code States.Timeout} (which also matches heartbeat timeouts), or the name as-is. */
    public static String toAsl(String portable) {
        if (WorkflowErrors.ALL.equals(portable)) {
            return STATES_ALL;
        }
        return WorkflowErrors.TIMEOUT.equals(portable) ? STATES_TIMEOUT : portable;
    }

    /**
     * An {@code ErrorEquals} list: each name mapped by {@link #toAsl}, duplicates dropped, and just
     * {@code ["States.ALL"]} when the rule matches everything (ASL wants {@code States.ALL} alone).
     */
    public static List<String> errorEquals(List<String> portable) {
        List<String> names = new ArrayList<>();
        for (String name : portable) {
            String asl = toAsl(name);
            if (STATES_ALL.equals(asl)) {
                return List.of(STATES_ALL);
            }
            if (!names.contains(asl)) {
                names.add(asl);
            }
        }
        return names;
    }

    /**
     * The portable name of an error reported by Step Functions, for run results and history read back from an
     * execution: task and heartbeat timeouts become {@link WorkflowErrors#TIMEOUT}, {@code States.NoChoiceMatched}
     * becomes {@value #NO_CHOICE_MATCHED}, path and payload errors become {@link WorkflowErrors#DATA_ERROR}; anything
     * else is returned unchanged.
     */
    public static String toPortable(String asl) {
        if (asl == null) {
            return null;
        }
        return switch (asl) {
            case STATES_TIMEOUT, STATES_HEARTBEAT_TIMEOUT -> WorkflowErrors.TIMEOUT;
            case "States.NoChoiceMatched" -> NO_CHOICE_MATCHED;
            case "States.Runtime", "States.ParameterPathFailure", "States.ResultPathMatchFailure",
                    "States.IntrinsicFailure", "States.DataLimitExceeded" -> WorkflowErrors.DATA_ERROR;
            default -> asl;
        };
    }
}
