package io.skystate.azure.functions;

import com.microsoft.durabletask.DurableTaskClient;
import io.skystate.azure.internal.durable.DurableConnection;
import io.skystate.azure.internal.durable.DurableWorkflowEngine;
import java.util.Objects;
import java.util.function.Function;

/**
 * The Durable engine of a Functions app, for {@link DurableWorkflowFunctions}: the application (or the Azure
 * adapter's provider) {@link #configure configures} once, at start-up, how to build the engine on a connection to
 * the Functions host; the first function invocation builds it with the host's Durable client (from
 * {@code DurableClientContext}) and no in-process workers, since the host dispatches the work items. Thread-safe.
 */
public final class DurableFunctionsRuntime {
    private static Function<DurableConnection, DurableWorkflowEngine> factory;
    private static DurableWorkflowEngine engine;

    private DurableFunctionsRuntime() {
    }

    /**
     * How to build the engine: typically {@code connection -> DurableWorkflowEngine.create(skystate, handlers,
     * workflowCallbacks, codec, clock, capabilities, portability, connection, 0)}. Replaces an engine built before.
     */
    public static synchronized void configure(Function<DurableConnection, DurableWorkflowEngine> engineFactory) {
        factory = Objects.requireNonNull(engineFactory, "engineFactory");
        if (engine != null) {
            engine.close();
            engine = null;
        }
    }

    /** The engine, built on first use with {@code client}. */
    static synchronized DurableWorkflowEngine engine(DurableTaskClient client) {
        if (engine == null) {
            if (factory == null) {
                throw new IllegalStateException("DurableFunctionsRuntime.configure(...) was not called before the first"
                        + " workflow function ran: configure the engine at application start-up");
            }
            engine = factory.apply(DurableConnection.functionsHost(client));
        }
        return engine;
    }
}
