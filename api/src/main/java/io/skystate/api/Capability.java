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
    DURABLE_WORKFLOWS
}
