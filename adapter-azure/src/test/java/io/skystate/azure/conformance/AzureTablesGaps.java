package io.skystate.azure.conformance;

import io.skystate.conformance.Gaps;

/**
 * Rules the Tables binding cannot show: no emulator gap (Azurite serves tables and queues faithfully enough for every
 * rule; its single-threaded server also makes conditional writes atomic, as Table Storage does), and one property of
 * Durable Task itself, {@link #TERMINATE_NEEDS_A_WORKER}.
 */
final class AzureTablesGaps {
    /**
     * Durable Task applies a termination when a worker next runs the orchestration: the backend only records the
     * {@code ExecutionTerminated} event. An application whose instances all run with {@code workflows.workers=off}
     * (what rule wfops16 builds) therefore cannot see its cancelled run reach CANCELLED until a worker connects; the
     * rule's other claims (no step runs, the run stays RUNNING, no step ends) hold.
     */
    static final String TERMINATE_NEEDS_A_WORKER = "Durable Task applies a termination when a worker next runs the"
            + " orchestration (the backend only records ExecutionTerminated), so with no worker connected anywhere a"
            + " cancelled run stays RUNNING until the application's workers run it";
    static final String TERMINATE_SOURCE = "durabletask-go v0.6.0 backend/orchestration.go (terminate handled while"
            + " processing the orchestration work item); Durable Functions behaves alike (the host's worker applies it)";

    static final Gaps AZURITE = Gaps.builder().capability("wfops16", TERMINATE_NEEDS_A_WORKER, TERMINATE_SOURCE).build();

    private AzureTablesGaps() {
    }
}
