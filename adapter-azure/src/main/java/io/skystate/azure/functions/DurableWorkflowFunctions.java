package io.skystate.azure.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.QueueTrigger;
import com.microsoft.azure.functions.annotation.TimerTrigger;
import com.microsoft.durabletask.TaskOrchestrationContext;
import com.microsoft.durabletask.azurefunctions.DurableActivityTrigger;
import com.microsoft.durabletask.azurefunctions.DurableClientContext;
import com.microsoft.durabletask.azurefunctions.DurableClientInput;
import com.microsoft.durabletask.azurefunctions.DurableOrchestrationTrigger;
import io.skystate.azure.internal.durable.Activities;
import io.skystate.azure.internal.durable.Names;
import io.skystate.azure.internal.durable.WorkflowOrchestrator;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The Azure Functions entry points of Skystate workflows on Durable Functions (durabletask-azure-functions 1.4.0):
 * the generic orchestrator as an orchestrator function, the engine's activities as activity functions, the callback
 * consumer as a queue-triggered function and the sweeper as a timer-triggered one. The Functions middleware of
 * durabletask-azure-functions calls {@code OrchestrationRunner.loadAndRun} with the host's encoded history and passes
 * the context to {@link #workflow}, whose return value becomes the orchestration's output. Functions that need the
 * engine get the host's Durable client through {@code @DurableClientInput}; configure the engine first with
 * {@link DurableFunctionsRuntime#configure}. Stateless; thread-safe.
 */
public class DurableWorkflowFunctions {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STORAGE = "AzureWebJobsStorage";

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
     * A workflow callback's completion message ({@code {"callbackId":..,"status":..}}) becomes the event its
     * orchestration waits for. Throwing leaves the message on the queue for redelivery (at least once).
     */
    @FunctionName("SkystateWorkflowCallbacks")
    public void callbackResolved(
            @QueueTrigger(name = "message", queueName = Names.CALLBACK_QUEUE, connection = STORAGE) String message,
            @DurableClientInput(name = "durable") DurableClientContext durable) {
        String callbackId;
        try {
            JsonNode body = JSON.readTree(message);
            callbackId = body.path("callbackId").asText(null);
        } catch (IOException e) {
            throw new UncheckedIOException("malformed workflow callback message", e);
        }
        if (!DurableFunctionsRuntime.engine(durable.getClient()).callbackEvents().deliver(callbackId)) {
            throw new IllegalStateException("callback " + callbackId + " is not resolved yet; retry later");
        }
    }

    /** Times out overdue callbacks and terminates runs past their workflow timeout, every 5 seconds. */
    @FunctionName("SkystateWorkflowSweeper")
    public void sweep(@TimerTrigger(name = "timer", schedule = "*/5 * * * * *") String timer,
            @DurableClientInput(name = "durable") DurableClientContext durable) {
        DurableFunctionsRuntime.engine(durable.getClient()).sweepOnce();
    }

    private static Activities activities(DurableClientContext durable) {
        return DurableFunctionsRuntime.engine(durable.getClient()).activities();
    }
}
