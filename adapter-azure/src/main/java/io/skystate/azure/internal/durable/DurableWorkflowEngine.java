package io.skystate.azure.internal.durable;

import com.microsoft.durabletask.DurableTaskClient;
import io.skystate.api.Capabilities;
import io.skystate.api.Capability;
import io.skystate.api.KeyRing;
import io.skystate.api.Skystate;
import io.skystate.api.WorkflowPortability;
import io.skystate.api.workflow.Workflows;
import io.skystate.core.callback.StoreBackedCallbacks;
import io.skystate.core.handler.HandlerRegistry;
import io.skystate.core.json.JacksonCodec;
import io.skystate.core.workflow.ClaimCheck;
import io.skystate.core.workflow.ops.RunPageTokens;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Workflows on Durable Functions / Durable Task, self-contained: it needs the application's {@link Skystate} only
 * for state stores ({@value Names#REGISTRY_STORE}, {@value Names#CLAIM_STORE}) and the completion queue
 * ({@value Names#CALLBACK_QUEUE}), the handler registry, the workflow callbacks service, and a
 * {@link DurableConnection}. On a sidecar connection the first call to {@link #workflows()} starts
 * {@value #DEFAULT_WORKERS} in-process workers (or as many as asked for), the callback consumer and the sweeper
 * (callback deadlines, workflow timeouts); register handlers before it, so runs resumed after a restart find them.
 * On the Functions host's connection it starts nothing: the entry points in {@code io.skystate.azure.functions} do
 * that work when the host invokes them, through {@link #activities()}, {@link #callbackEvents()} and
 * {@link #sweepOnce()}, and hand the engine the host's client ({@link #attachHostClient}). The caller closes the
 * connection after the engine. Thread-safe.
 */
public final class DurableWorkflowEngine implements AutoCloseable {
    /** In-process workers on a sidecar connection. */
    public static final int DEFAULT_WORKERS = 4;

    private final Skystate skystate;
    private final DurableConnection connection;
    private final EngineParts parts;
    private final BranchStopper stopper;
    private final Activities activities;
    private final CallbackEvents events;
    private final DurableWorkflows workflows;
    private final ExecutorService handlerPool;
    private final int workerCount;
    private boolean started;
    private Workers workers;
    private Background background;

    private DurableWorkflowEngine(Skystate skystate, HandlerRegistry handlers, StoreBackedCallbacks callbacks,
            JacksonCodec codec, Clock clock, Supplier<Capabilities> capabilities, WorkflowPortability portability,
            DurableConnection connection, int workerCount, KeyRing pageTokenKeys) {
        this.skystate = skystate;
        this.connection = connection;
        this.workerCount = workerCount;
        AtomicInteger ids = new AtomicInteger();
        this.handlerPool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "skystate-durable-handler-" + ids.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.parts = new EngineParts(skystate.provider(), handlers, callbacks, codec, clock,
                new ClaimCheck(skystate.stateStore(Names.CLAIM_STORE), codec, clock),
                new RunRegistry(skystate.stateStore(Names.REGISTRY_STORE)), connection::client, handlerPool,
                () -> withEngineCapabilities(capabilities.get()), portability);
        this.stopper = new BranchStopper(parts);
        this.activities = new Activities(parts, stopper);
        this.events = new CallbackEvents(parts);
        this.workflows = new DurableWorkflows(parts, new DefinitionStore(parts), stopper,
                new RunPageTokens(pageTokenKeys, skystate.provider()));
    }

    /**
     * An engine with {@value #DEFAULT_WORKERS} in-process workers on a sidecar connection, signing run-listing page
     * tokens with a key of its own: they are valid only for this engine object (for benchmarks and tests).
     */
    public static DurableWorkflowEngine create(Skystate skystate, HandlerRegistry handlers,
            StoreBackedCallbacks workflowCallbacks, JacksonCodec codec, Clock clock, Supplier<Capabilities> capabilities,
            WorkflowPortability portability, DurableConnection connection) {
        byte[] key = new byte[KeyRing.MIN_KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return create(skystate, handlers, workflowCallbacks, codec, clock, capabilities, portability, connection,
                DEFAULT_WORKERS, KeyRing.of("engine", key));
    }

    /**
     * The same with {@code workers} in-process workers; 0 makes an operating-only engine ({@code workflows.workers=off}):
     * no workers and no background loops, every work item, callback message and sweep is left to other processes.
     * {@code pageTokenKeys} sign the page tokens of run listings (the instance's callback key ring, so every process
     * of a deployment accepts the others' tokens).
     */
    public static DurableWorkflowEngine create(Skystate skystate, HandlerRegistry handlers,
            StoreBackedCallbacks workflowCallbacks, JacksonCodec codec, Clock clock, Supplier<Capabilities> capabilities,
            WorkflowPortability portability, DurableConnection connection, int workers, KeyRing pageTokenKeys) {
        return new DurableWorkflowEngine(skystate, handlers, workflowCallbacks, codec, clock, capabilities,
                portability, connection, workers, pageTokenKeys);
    }

    /**
     * {@code base} with what this engine adds: {@link Capability#DURABLE_WORKFLOWS} (runs live in the task hub and
     * survive any worker), {@link Capability#WORKFLOW_WIDE_PARALLEL} (branches are sub-orchestrations: no width or
     * depth limit of its own) and {@link Capability#WORKFLOW_COMPENSATION_IN_BRANCHES} (a branch hands its
     * compensations to its parent).
     */
    public static Capabilities withEngineCapabilities(Capabilities base) {
        return base.with(Capability.DURABLE_WORKFLOWS).with(Capability.WORKFLOW_REDRIVE).with(Capability.WORKFLOW_WIDE_PARALLEL)
                .with(Capability.WORKFLOW_COMPENSATION_IN_BRANCHES);
    }

    /**
     * The engine's API; on a sidecar connection with workers, starts them and the background loops on first use.
     */
    public synchronized Workflows workflows() {
        if (!started && !connection.hostDispatched()) {
            if (workerCount > 0) {
                workers = new Workers(() -> connection.workerBuilder().orElseThrow(), activities, workerCount);
                background = new Background(parts, skystate, events, stopper);
            }
        }
        started = true;
        return workflows;
    }

    /** Whether the Functions host dispatches this engine's work items to the function entry points. */
    public boolean onFunctionsHost() {
        return connection.hostDispatched();
    }

    /**
     * Hands an engine on the Functions host the host's Durable client, from a function's {@code durableClient}
     * binding; {@code hostClient} is called only by the first caller. No-op on a sidecar connection.
     */
    public void attachHostClient(Supplier<DurableTaskClient> hostClient) {
        connection.attachHostClient(hostClient);
    }

    /**
     * One sweep, as the background sweeper does it every {@code 250 ms}: times out overdue workflow callbacks and
     * terminates runs past their workflow timeout. For a timer-triggered function where no loop runs.
     */
    public void sweepOnce() {
        parts.callbacks().sweep();
        Background.timeOutOverdue(parts, stopper);
    }

    /** The activities, for the Azure Functions activity functions. */
    public Activities activities() {
        return activities;
    }

    /** The callback event delivery, for a queue-triggered function on {@value Names#CALLBACK_QUEUE}. */
    public CallbackEvents callbackEvents() {
        return events;
    }

    @Override
    public synchronized void close() {
        if (workers != null) {
            workers.close();
        }
        if (background != null) {
            background.close();
        }
        handlerPool.shutdownNow();
    }
}
