package io.skystate.azure.functions;

import com.microsoft.azure.functions.annotation.BindingName;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.QueueTrigger;
import com.microsoft.azure.functions.annotation.TimerTrigger;
import com.microsoft.durabletask.TaskOrchestrationContext;
import com.microsoft.durabletask.azurefunctions.DurableActivityTrigger;
import com.microsoft.durabletask.azurefunctions.DurableClientContext;
import com.microsoft.durabletask.azurefunctions.DurableClientInput;
import com.microsoft.durabletask.azurefunctions.DurableOrchestrationTrigger;
import io.skystate.api.queue.ReceivedMessage;
import io.skystate.azure.AzureSkystate;
import io.skystate.azure.internal.durable.Activities;
import io.skystate.azure.internal.durable.DurableWorkflowEngine;
import io.skystate.azure.internal.durable.Names;
import io.skystate.azure.internal.durable.WorkflowOrchestrator;
import io.skystate.azure.internal.queue.StorageMessageQueue;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Azure Functions entry points of Skystate workflows on Durable Functions (durabletask-azure-functions 1.4.0):
 * the generic orchestrator as an orchestrator function, the engine's activities as activity functions, the callback
 * consumer as a queue-triggered function and the sweeper as a timer-triggered one. The Functions middleware of
 * durabletask-azure-functions calls {@code OrchestrationRunner.loadAndRun} with the host's encoded history and passes
 * the context to {@link #workflow}, whose return value becomes the orchestration's output.
 *
 * <p>The other functions work on the Durable engine of an {@link AzureSkystate}: the no-argument constructor (the
 * one the Functions host uses) takes {@link FunctionsRuntime#skystate()}, configured from app settings, on first
 * need, so the orchestrator never opens it; a dependency-injection framework may pass its own instance (built with
 * {@code AzureSkystateBuilder.durableFunctions()}). Each gets the host's Durable client through
 * {@code @DurableClientInput} and hands it to the engine ({@link DurableFunctionsRuntime}): no start-up code.
 * Deploy with {@code FunctionAppLayout}; the app settings {@value #TASK_HUB_SETTING} and
 * {@value #CALLBACK_QUEUE_SETTING} come from {@code ArmTemplate.durableFunctions(true)}. Thread-safe.
 */
public class DurableWorkflowFunctions {
    /** The queue-triggered function delivering workflow callback resolutions. */
    public static final String CALLBACKS = "SkystateWorkflowCallbacks";
    /** The timer-triggered function sweeping callback deadlines and workflow timeouts. */
    public static final String SWEEPER = "SkystateWorkflowSweeper";
    /**
     * The app setting naming the Durable task hub ({@code host.json}'s {@code hubName} refers to it); its presence
     * also tells {@link FunctionsRuntime} to run workflows on the Functions host.
     */
    public static final String TASK_HUB_SETTING = "SKYSTATE_DURABLE_TASK_HUB";
    /** The app setting holding the Storage queue name of the completion queue {@value Names#CALLBACK_QUEUE}. */
    public static final String CALLBACK_QUEUE_SETTING = "SKYSTATE_DURABLE_CALLBACK_QUEUE_NATIVE";
    private static final String STORAGE = "AzureWebJobsStorage";

    private final Supplier<AzureSkystate> skystate;

    public DurableWorkflowFunctions() {
        this.skystate = FunctionsRuntime::skystate;
    }

    public DurableWorkflowFunctions(AzureSkystate skystate) {
        Objects.requireNonNull(skystate, "skystate");
        this.skystate = () -> skystate;
    }

    /** The generic orchestrator: deterministic, needs no engine. */
    @FunctionName(Names.ORCHESTRATION)
    public String workflow(@DurableOrchestrationTrigger(name = "ctx") TaskOrchestrationContext ctx) {
        return WorkflowOrchestrator.execute(ctx);
    }

    @FunctionName(Names.TASK)
    public String task(@DurableActivityTrigger(name = "input") String input,
            @DurableClientInput(name = "durable") DurableClientContext durable) {
        return activities(durable).task(input);
    }

    @FunctionName(Names.CALLBACK)
    public String callback(@DurableActivityTrigger(name = "input") String input,
            @DurableClientInput(name = "durable") DurableClientContext durable) {
        return activities(durable).callback(input);
    }

    @FunctionName(Names.COMPENSATE)
    public String compensate(@DurableActivityTrigger(name = "input") String input,
            @DurableClientInput(name = "durable") DurableClientContext durable) {
        return activities(durable).compensate(input);
    }

    @FunctionName(Names.SPILL)
    public String spill(@DurableActivityTrigger(name = "input") String input,
            @DurableClientInput(name = "durable") DurableClientContext durable) {
        return activities(durable).spill(input);
    }

    @FunctionName(Names.OFFLOAD)
    public String offload(@DurableActivityTrigger(name = "input") String input,
            @DurableClientInput(name = "durable") DurableClientContext durable) {
        return activities(durable).offload(input);
    }

    @FunctionName(Names.STOP_BRANCHES)
    public String stopBranches(@DurableActivityTrigger(name = "input") String input,
            @DurableClientInput(name = "durable") DurableClientContext durable) {
        return activities(durable).stopBranches(input);
    }

    /**
     * A workflow callback's completion message (attribute {@code callbackId}) on the Storage queue the app setting
     * {@value #CALLBACK_QUEUE_SETTING} names becomes the event its orchestration waits for. Throwing leaves the
     * message on the queue for redelivery (at least once; after the host's {@code maxDequeueCount}, 5, it goes to
     * the poison queue).
     */
    @FunctionName(CALLBACKS)
    public void callbackResolved(
            @QueueTrigger(name = "message", queueName = "%" + CALLBACK_QUEUE_SETTING + "%", connection = STORAGE,
                    dataType = "binary") byte[] message,
            @BindingName("Id") String id, @BindingName("PopReceipt") String popReceipt,
            @BindingName("DequeueCount") long dequeueCount,
            @DurableClientInput(name = "durable") DurableClientContext durable) {
        DurableWorkflowEngine engine = engine(durable);
        StorageMessageQueue queue = skystate.get().storageQueue(Names.CALLBACK_QUEUE);
        Optional<ReceivedMessage> opened = queue.open(id, popReceipt, message, (int) dequeueCount);
        if (opened.isEmpty()) {
            return; // its claim is gone: it was consumed already
        }
        String callbackId = opened.get().attributes().get("callbackId");
        if (!engine.callbackEvents().deliver(callbackId)) {
            throw new IllegalStateException("callback " + callbackId + " is not resolved yet; retry later");
        }
        queue.consumed(opened.get());
    }

    /** Times out overdue callbacks and terminates runs past their workflow timeout, every 5 seconds. */
    @FunctionName(SWEEPER)
    public void sweep(@TimerTrigger(name = "timer", schedule = "*/5 * * * * *") String timer,
            @DurableClientInput(name = "durable") DurableClientContext durable) {
        engine(durable).sweepOnce();
    }

    private Activities activities(DurableClientContext durable) {
        return engine(durable).activities();
    }

    private DurableWorkflowEngine engine(DurableClientContext durable) {
        return DurableFunctionsRuntime.engine(skystate.get(), durable);
    }
}
