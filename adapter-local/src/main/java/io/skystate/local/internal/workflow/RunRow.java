package io.skystate.local.internal.workflow;

/**
 * A run as stored. {@code status} is a {@link io.skystate.api.workflow.RunStatus} name or {@link #COMPENSATING}
 * (reported as RUNNING) while a failed saga undoes its completed steps; {@code failedData} is the data
 * compensation handlers receive. {@code redriveCount} counts redrives; {@code attemptsFrom} is the last history
 * sequence before the latest redrive, so the step-attempt budget counts only the entries after it.
 */
record RunRow(String id, String workflow, int version, String status, String inputHash, byte[] output, String error,
        String cause, long startedAt, Long endedAt, Long deadline, byte[] failedData, int redriveCount,
        long attemptsFrom) {
    static final String COMPENSATING = "COMPENSATING";

    /** The status as callers see it: a compensating run is still RUNNING. */
    io.skystate.api.workflow.RunStatus reported() {
        return COMPENSATING.equals(status) ? io.skystate.api.workflow.RunStatus.RUNNING
                : io.skystate.api.workflow.RunStatus.valueOf(status);
    }
}
