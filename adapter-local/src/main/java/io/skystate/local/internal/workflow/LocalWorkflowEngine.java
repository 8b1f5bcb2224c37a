package io.skystate.local.internal.workflow;

import io.skystate.api.KeyRing;
import io.skystate.api.Skystate;
import io.skystate.api.WorkflowPortability;
import io.skystate.api.WorkflowWorkers;
import io.skystate.api.callback.Callbacks;
import io.skystate.core.crypto.Keys;
import io.skystate.core.handler.HandlerRegistry;
import io.skystate.core.json.JacksonCodec;
import io.skystate.core.workflow.ClaimCheck;
import io.skystate.core.workflow.ops.RunPageTokens;
import io.skystate.local.internal.Database;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Assembles the durable local workflow engine and starts its dispatcher on first use, so handlers registered
 * before that are found when runs interrupted by a restart resume. One engine per database file.
 */
public final class LocalWorkflowEngine implements AutoCloseable {
    /** Worker threads running steps; handler calls run on a separate pool so step timeouts can interrupt them. */
    public static final int WORKERS = 8;

    private final EngineContext ctx;
    private final ExecutorService handlerPool;
    private final LocalWorkflows workflows;
    private final Skystate skystate;
    private final Transitions transitions;
    private final FrameStepper stepper;
    private final RunControl control;
    private final WorkflowWorkers runSteps;
    private Dispatcher dispatcher;

    /** {@code pageTokenKeys} sign the page tokens of run listings. */
    public LocalWorkflowEngine(Skystate skystate, Database database, HandlerRegistry handlers, Callbacks callbacks,
            JacksonCodec codec, Clock clock, Function<String, URI> callbackUrls, WorkflowPortability portability,
            WorkflowWorkers runSteps, KeyRing pageTokenKeys) {
        this.runSteps = runSteps;
        this.skystate = skystate;
        AtomicInteger ids = new AtomicInteger();
        this.handlerPool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "skystate-workflow-handler-" + ids.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.ctx = new EngineContext(database, new DefinitionRegistry(database, handlers, skystate::capabilities, portability), handlers, callbacks, codec,
                clock, new ClaimCheck(skystate.stateStore("skystate-claims"), codec, clock),
                new TaskRunner(handlers, handlerPool), this::wake, callbackUrls,
                new Leases(database, clock, ProcessHandle.current().pid() + "-" + Keys.randomId()));
        this.transitions = new Transitions(ctx);
        this.stepper = new FrameStepper(ctx, transitions);
        this.control = new RunControl(ctx, transitions, stepper);
        this.workflows = new LocalWorkflows(ctx, control, new RunListing(ctx, new RunPageTokens(pageTokenKeys, "local")),
                stepper.eventSteps(), new Redriver(ctx, stepper));
    }

    /** The engine's API, starting the dispatcher if it is not running yet (never with workers off). */
    public synchronized LocalWorkflows workflows() {
        if (dispatcher == null && runSteps == WorkflowWorkers.ON) {
            dispatcher = new Dispatcher(ctx, stepper, stepper.callbackSteps(), new Compensator(ctx), control,
                    skystate.queue(EngineContext.CALLBACK_QUEUE), WORKERS);
        }
        return workflows;
    }

    private void wake() {
        Dispatcher current = dispatcher;
        if (current != null) {
            current.wake();
        }
    }

    @Override
    public synchronized void close() {
        if (dispatcher != null) {
            dispatcher.close();
        }
        handlerPool.shutdownNow();
    }
}
