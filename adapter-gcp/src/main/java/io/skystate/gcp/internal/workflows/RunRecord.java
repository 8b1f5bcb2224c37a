package io.skystate.gcp.internal.workflows;

/**
 * What the registry keeps per run (times in epoch millis): the workflow and version it started with, the start
 * fingerprint, the Workflows execution's resource name (null until created), the deadline of the workflow timeout,
 * why the engine stopped it ({@code CANCELLED} or {@code TIMED_OUT}, with a cause), and whether the history events
 * in the finished execution's result have been recorded.
 */
record RunRecord(String workflow, int version, String fingerprint, String execution, long startedAt, Long deadline,
        String stop, String stopCause, boolean recorded) {

    RunRecord withExecution(String name) {
        return new RunRecord(workflow, version, fingerprint, name, startedAt, deadline, stop, stopCause, recorded);
    }

    RunRecord stopped(String status, String cause) {
        return new RunRecord(workflow, version, fingerprint, execution, startedAt, deadline, status, cause, recorded);
    }

    RunRecord markRecorded() {
        return new RunRecord(workflow, version, fingerprint, execution, startedAt, deadline, stop, stopCause, true);
    }

    /** The execution's id (the last segment of its name), or null. */
    String executionId() {
        return execution == null ? null : execution.substring(execution.lastIndexOf('/') + 1);
    }
}
