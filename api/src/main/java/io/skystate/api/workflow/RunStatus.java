package io.skystate.api.workflow;

/** Where a workflow run is. Every state but {@link #RUNNING} is final. */
public enum RunStatus {
    RUNNING, SUCCEEDED, FAILED, TIMED_OUT, CANCELLED;

    public boolean finished() {
        return this != RUNNING;
    }
}
