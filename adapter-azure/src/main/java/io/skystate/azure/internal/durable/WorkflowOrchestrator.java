package io.skystate.azure.internal.durable;

import com.microsoft.durabletask.TaskOrchestration;
import com.microsoft.durabletask.TaskOrchestrationContext;

/**
 * The one generic orchestrator ({@link Names#ORCHESTRATION}): runs any portable workflow, or any parallel branch of
 * one, from its {@link RunInput} (the pinned definition document and the data), through core's interpreter. The
 * same code runs on a Durable Task worker ({@link #run}) and in an Azure Functions orchestrator function
 * ({@link #execute}, whose return value the Functions middleware makes the output).
 *
 * <p>Deterministic, as Durable replays require: no I/O, clock or randomness; everything else is in activities.
 * Stateless and thread-safe.
 */
public final class WorkflowOrchestrator implements TaskOrchestration {
    @Override
    public void run(TaskOrchestrationContext ctx) {
        ctx.complete(execute(ctx));
    }

    /** Runs the orchestration and returns its output (JSON text). Continue-as-new is thrown through, as the SDK needs. */
    public static String execute(TaskOrchestrationContext ctx) {
        return new Walk(ctx, Json.read(ctx.getInput(String.class), RunInput.class)).run();
    }
}
