package io.skystate.azure.internal.durable;

import io.skystate.api.Capability;
import io.skystate.api.WorkflowWorkers;
import io.skystate.api.workflow.Workflows;
import io.skystate.azure.internal.WorkflowEngine;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Plugs the Durable engine into {@code AzureSkystate}: a {@link WorkflowEngine.Factory} whose engines run on a
 * {@link DurableConnection} made on first use, their state (registry, claims, callbacks) in the instance's own
 * stores: a Durable Task sidecar (or the Durable Task Scheduler's gRPC endpoint) with in-process workers, or the
 * Durable extension of the Azure Functions host, which dispatches the work items to the function entry points.
 * The engine is reachable through {@link WorkflowEngine#unwrap} as a {@link DurableWorkflowEngine}. Thread-safe.
 */
public final class DurableEngines implements WorkflowEngine.Factory {
    private final Supplier<DurableConnection> connection;
    private final int workers;

    private DurableEngines(Supplier<DurableConnection> connection, int workers) {
        this.connection = connection;
        this.workers = workers;
    }

    /** Engines on a sidecar at {@code host:port}, each with {@value DurableWorkflowEngine#DEFAULT_WORKERS} workers. */
    public static DurableEngines sidecar(String host, int port) {
        return new DurableEngines(() -> DurableConnection.sidecar(host, port), DurableWorkflowEngine.DEFAULT_WORKERS);
    }

    /** Engines on the Functions host's Durable extension: no in-process workers, the host's client attached later. */
    public static DurableEngines functionsHost() {
        return new DurableEngines(DurableConnection::functionsHost, 0);
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.DURABLE_WORKFLOWS, Capability.WORKFLOW_REDRIVE, Capability.WORKFLOW_WIDE_PARALLEL,
                Capability.WORKFLOW_COMPENSATION_IN_BRANCHES);
    }

    @Override
    public WorkflowEngine create(WorkflowEngine.Context context) {
        DurableConnection opened = connection.get();
        DurableWorkflowEngine engine = DurableWorkflowEngine.create(context.skystate(), context.handlers(),
                context.workflowCallbacks(), context.codec(), context.clock(), context.skystate()::capabilities,
                context.portability(), opened, context.workers() == WorkflowWorkers.OFF ? 0 : workers,
                context.pageTokenKeys());
        return new WorkflowEngine() {
            @Override
            public Workflows workflows() {
                return engine.workflows();
            }

            @Override
            public <T> Optional<T> unwrap(Class<T> type) {
                return type.isInstance(engine) ? Optional.of(type.cast(engine)) : Optional.empty();
            }

            @Override
            public void close() {
                try {
                    engine.close();
                } finally {
                    opened.close();
                }
            }
        };
    }
}
