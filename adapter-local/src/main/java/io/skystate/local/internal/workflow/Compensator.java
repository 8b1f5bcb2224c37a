package io.skystate.local.internal.workflow;

import io.skystate.api.workflow.RunStatus;
import io.skystate.api.workflow.StepExecution.Outcome;
import io.skystate.core.handler.HandlerRegistry;
import java.util.Optional;

/**
 * Undoes a failed saga: runs the compensation handlers of its completed tasks, newest first, each with the
 * workflow data as it was when the run failed, then marks the run FAILED. Each compensation is removed from the
 * stack only after it ran, so a crash repeats at most the one in progress. A compensation that still fails after
 * {@value #ATTEMPTS} attempts is recorded as failed and the rest continue.
 */
final class Compensator {
    static final int ATTEMPTS = 3;

    private final EngineContext ctx;

    Compensator(EngineContext ctx) {
        this.ctx = ctx;
    }

    /** Compensates the run unless an engine in another process already does. */
    void compensate(String runId) {
        if (!ctx.leases().claim(runId, Leases.COMPENSATION)) {
            return;
        }
        try {
            compensateClaimed(runId);
        } finally {
            ctx.leases().release(runId, Leases.COMPENSATION);
        }
    }

    private void compensateClaimed(String runId) {
        while (true) {
            Optional<String[]> next = ctx.database().inTransaction(c -> RunTable.lastCompensation(c, runId));
            if (next.isEmpty()) {
                ctx.database().inTransaction(c -> {
                    RunRow run = RunTable.find(c, runId).orElseThrow();
                    RunTable.finish(c, runId, RunStatus.FAILED.name(), null, run.error(), run.cause(),
                            ctx.clock().millis(), run.failedData());
                    return null;
                });
                return;
            }
            long seq = Long.parseLong(next.get()[0]);
            String step = next.get()[1];
            String handler = next.get()[2];
            long history = ctx.database().inTransaction(c ->
                    HistoryTable.open(c, runId, step, "compensation", ctx.clock().millis()));
            byte[] data = ctx.database().inTransaction(c -> RunTable.find(c, runId).orElseThrow().failedData());
            byte[] input = ctx.codec().encode(ctx.claims().resolve(ctx.codec().tree(data)));
            TaskRunner.Result result = null;
            int attempt = 0;
            while (attempt < ATTEMPTS) {
                attempt++;
                result = ctx.tasks().invoke(handler, input, TaskRunner.compensation(runId, step, seq, attempt),
                        HandlerRegistry.DEFAULT_TIMEOUT);
                if (result.error() == null) {
                    break;
                }
                pause(attempt);
            }
            TaskRunner.Result last = result;
            int attempts = attempt;
            ctx.database().inTransaction(c -> {
                HistoryTable.attempts(c, runId, history, attempts);
                HistoryTable.close(c, runId, history, last.error() == null ? Outcome.SUCCEEDED : Outcome.FAILED,
                        ctx.clock().millis(), last.error() == null ? null : last.error().error(),
                        last.error() == null ? null : last.error().cause());
                RunTable.removeCompensation(c, runId, seq);
                return null;
            });
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(100L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
