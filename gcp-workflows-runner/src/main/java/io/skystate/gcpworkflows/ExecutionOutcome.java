package io.skystate.gcpworkflows;

import java.time.Instant;
import java.util.List;

/**
 * A snapshot of an execution. {@code result} is the JSON text of what {@code main} returned (present when
 * {@link ExecutionState#SUCCEEDED}); {@code error} is present when {@link ExecutionState#FAILED}. {@code name} is
 * the API resource name {@code projects/P/locations/L/workflows/W/executions/E}. Immutable.
 */
public record ExecutionOutcome(String name, ExecutionState state, String result, ExecutionError error,
                               Instant startTime, Instant endTime, String workflowRevisionId, List<LogEntry> logs) {
    public ExecutionOutcome {
        logs = List.copyOf(logs);
    }
}
