package io.skystate.gcpworkflows;

/**
 * The state of an execution, as the Executions API names it
 * (https://cloud.google.com/workflows/docs/reference/executions/rest/v1/projects.locations.workflows.executions#state).
 * {@link #ACTIVE} until it ends in one of the three final states.
 */
public enum ExecutionState {
    ACTIVE, SUCCEEDED, FAILED, CANCELLED;

    public boolean isFinal() {
        return this != ACTIVE;
    }
}
