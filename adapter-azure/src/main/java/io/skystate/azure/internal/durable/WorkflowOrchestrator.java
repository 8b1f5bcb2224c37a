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
    /**
     * Runs the orchestration on a worker. An instance terminated while it ran (cancel, workflow timeout, a stopped
     * branch) is already complete when the orchestrator next schedules work: the SDK then throws "already
     * completed", and would throw again from its own failure handling on the worker's only thread, ending that
     * worker. Returning instead leaves the terminated instance as it is.
     */
    @Override
    public void run(TaskOrchestrationContext ctx) {
        try {
            ctx.complete(execute(ctx));
        } catch (IllegalStateException e) {
            if (!terminatedMeanwhile(e)) {
                throw e;
            }
        }
    }

    static boolean terminatedMeanwhile(IllegalStateException e) {
        return String.valueOf(e.getMessage()).contains("already completed");
    }

    /** Runs the orchestration and returns its output (JSON text). Continue-as-new is thrown through, as the SDK needs. */
    public static String execute(TaskOrchestrationContext ctx) {
        return new Walk(ctx, Json.read(ctx.getInput(String.class), RunInput.class)).run();
    }
}
