package io.skystate.api;

/** Optional features beyond the portable floor. Adapters declare theirs in {@link Capabilities}. */
public enum Capability {
    /** Acknowledged state, queue and callback writes survive a restart of the process (and of the provider). */
    DURABLE_STATE,
    /** A transaction may span several groups. */
    CROSS_GROUP_TRANSACTIONS,
    /** Callback URLs accept HTTP POSTs from outside the process. */
    CALLBACK_URLS,
    /** Registered handlers are reachable over HTTP. */
    HANDLER_ENDPOINTS,
    /** Workflow instances survive a restart and resume where they were. */
    DURABLE_WORKFLOWS,
    /**
     * {@code Workflows.redrive} restarts a failed run at its failed step. Without it (the Cloud Workflows engine,
     * which runs one execution per run) redrive throws {@link UnsupportedCapabilityException}.
     */
    WORKFLOW_REDRIVE,
    /**
     * Workflow extra: tasks inside parallel branches may name compensation handlers. Not portable (Step Functions
     * cannot carry a branch's compensation log out of the branch); used only when the application opts into
     * adapter extras ({@link WorkflowPortability#ADAPTER_EXTRAS}).
     */
    WORKFLOW_COMPENSATION_IN_BRANCHES,
    /**
     * Workflow extra: parallel steps with more than 10 branches, or nested more than 2 deep. Not portable (Cloud
     * Workflows' limits); used only when the application opts into adapter extras.
     */
    WORKFLOW_WIDE_PARALLEL,
    /**
     * Workflow extra: {@code awaitEvent} steps inside parallel branches. Not portable (Skystate's Durable Functions
     * engine runs branches as sub-orchestrations, which the run's signals do not reach); used only when the
     * application opts into adapter extras.
     */
    WORKFLOW_EVENTS_IN_BRANCHES
}
