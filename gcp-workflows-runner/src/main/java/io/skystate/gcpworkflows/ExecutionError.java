package io.skystate.gcpworkflows;

import java.util.List;

/**
 * Why an execution failed, in the shape of the Executions API's {@code Execution.Error}: {@code payload} is the
 * raised error as JSON text (usually {@code {"message": ..., "tags": [...]}}), {@code context} a human-readable
 * description with the failing step, and {@code stackTrace} the steps the error passed through, innermost first.
 * Immutable.
 */
public record ExecutionError(String payload, String context, List<StackFrame> stackTrace) {
    public ExecutionError {
        stackTrace = List.copyOf(stackTrace);
    }

    /** A step on the error's path: the step and routine names and the 1-based source position. */
    public record StackFrame(String step, String routine, int line, int column) {
    }
}
