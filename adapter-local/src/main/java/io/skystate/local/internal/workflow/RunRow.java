package io.skystate.local.internal.workflow;

/**
 * A run as stored. {@code status} is a {@link io.skystate.api.workflow.RunStatus} name or {@link #COMPENSATING}
 * (reported as RUNNING) while a failed saga undoes its completed steps; {@code failedData} is the data
 * compensation handlers receive.
 */
record RunRow(String id, String workflow, int version, String status, String inputHash, byte[] output, String error,
        String cause, long startedAt, Long endedAt, Long deadline, byte[] failedData) {
    static final String COMPENSATING = "COMPENSATING";
}
