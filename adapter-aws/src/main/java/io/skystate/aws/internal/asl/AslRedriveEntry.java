package io.skystate.aws.internal.asl;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;

/**
 * The entry of every compiled state machine, which lets a new execution resume a failed run where it stopped: Step
 * Functions' own RedriveExecution cannot be emulated and restarts the failed state with its old input, whereas a
 * Skystate redrive restarts the run's last top-level step with the data that step started with.
 *
 * <p>{@value #ENTRY}, the first state, is a Choice: an execution whose input has the field {@value #FLAG}
 * ({@code {"__skystate_redrive": {"step": <top-level step>, "state": <the state data the step was entered with>}}})
 * goes to {@value #ROUTE}, every other input to {@link AslCompiler#START} (so a workflow input with a top-level
 * {@value #FLAG} field is reserved). {@value #ROUTE} picks the step by name; its Pass
 * {@code __skystate_<step>_redrive} restores the saved state data (wrapper: workflow data, instance id, compensation
 * log) with {@code InputPath} and goes on to the step. A step name it does not know ends the execution in the Fail
 * state {@value #UNKNOWN}. The same state machine (definition version) serves starts and redrives.
 */
public final class AslRedriveEntry {
    /** The first state of every compiled state machine. */
    public static final String ENTRY = "__skystate_entry";
    /** The Choice that picks the restart step of a redrive execution. */
    static final String ROUTE = "__skystate_redrive";
    /** Fail state for a redrive input naming no top-level step. */
    static final String UNKNOWN = "__skystate_redrive_unknown";
    /** The input field that marks a redrive execution. */
    static final String FLAG = "__skystate_redrive";
    /** The error of {@value #UNKNOWN}. */
    static final String UNKNOWN_STEP = "Skystate.RedriveUnknownStep";

    private AslRedriveEntry() {
    }

    /** Adds the entry states for restarting at any of {@code topLevelSteps}. */
    static void add(ObjectNode states, Collection<String> topLevelSteps, StateNames names) {
        ObjectNode entry = states.putObject(ENTRY);
        entry.put("Type", "Choice");
        entry.putArray("Choices").addObject().put("Variable", "$." + FLAG).put("IsPresent", true).put("Next", ROUTE);
        entry.put("Default", AslCompiler.START);

        ObjectNode route = states.putObject(ROUTE);
        route.put("Type", "Choice");
        ArrayNode choices = route.putArray("Choices");
        for (String step : topLevelSteps) {
            String restore = names.name(step, "redrive");
            choices.addObject().put("Variable", "$." + FLAG + ".step").put("StringEquals", step).put("Next", restore);
            ObjectNode pass = states.putObject(restore);
            pass.put("Type", "Pass");
            pass.put("InputPath", "$." + FLAG + ".state");
            pass.put("Next", step);
        }
        route.put("Default", UNKNOWN);

        ObjectNode unknown = states.putObject(UNKNOWN);
        unknown.put("Type", "Fail");
        unknown.put("Error", UNKNOWN_STEP);
        unknown.put("Cause", "the redrive input names no top-level step of this workflow version");
    }
}
