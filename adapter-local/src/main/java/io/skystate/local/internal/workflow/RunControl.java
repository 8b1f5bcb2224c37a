package io.skystate.local.internal.workflow;

import io.skystate.api.workflow.RunStatus;
import io.skystate.api.workflow.StepExecution.Outcome;
import io.skystate.api.workflow.WorkflowErrors;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Stops runs from outside their steps: cancellation by a caller and the workflow-level timeout. A stopped run's
 * frames stop where they are and its pending callbacks are failed, so late completions are rejected.
 */
final class RunControl {
    private final EngineContext ctx;
    private final Transitions transitions;
    private final FrameStepper stepper;

    RunControl(EngineContext ctx, Transitions transitions, FrameStepper stepper) {
        this.ctx = ctx;
        this.transitions = transitions;
        this.stepper = stepper;
    }

    /** Stops a RUNNING run with {@code status}; returns false if it was not running. */
    boolean stop(String runId, RunStatus status, String error, String cause) {
        boolean[] stopped = {false};
        stepper.commit((c, tokens) -> {
            if (!RunStatus.RUNNING.name().equals(RunTable.find(c, runId).map(RunRow::status).orElse(""))) {
                return;
            }
            stopFrames(c, runId, tokens);
            RunTable.finish(c, runId, status.name(), null, error, cause, ctx.clock().millis(), null);
            stopped[0] = true;
        });
        return stopped[0];
    }

    /** Times out every run past its deadline. */
    void timeOutOverdue() {
        List<RunRow> overdue = ctx.database().inTransaction(c -> RunTable.overdue(c, ctx.clock().millis()));
        for (RunRow run : overdue) {
            stop(run.id(), RunStatus.TIMED_OUT, WorkflowErrors.TIMEOUT, "the workflow ran past its timeout");
        }
    }

    private void stopFrames(Connection c, String runId, List<String> tokens) throws SQLException {
        for (Frame frame : FrameTable.active(c, runId)) {
            transitions.cancelTree(c, frame, tokens);
        }
        HistoryTable.closeOpen(c, runId, Outcome.CANCELLED, ctx.clock().millis());
    }
}
