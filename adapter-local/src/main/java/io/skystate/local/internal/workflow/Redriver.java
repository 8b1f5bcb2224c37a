package io.skystate.local.internal.workflow;

import io.skystate.api.NotFoundException;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.core.workflow.ops.Redrives;

/**
 * Redrives a failed or timed-out run ({@link io.skystate.api.workflow.Workflows#redrive}) in one transaction: core's
 * {@link Redrives} judges it from the run's status, history and redrive count; then the root frame, which stopped at
 * the top-level step whose failure ended the run (or that ran when it timed out) with the data that step started
 * with, is made READY at that step again (phase, attempts, callback and history entry reset, so the step opens a new
 * history entry and a parallel step forks anew), and the run is RUNNING again with a fresh deadline and attempt
 * budget. Frames of branches that ended stay as they were; a new fork gets new frame ids.
 */
final class Redriver {
    private final EngineContext ctx;
    private final FrameStepper stepper;

    Redriver(EngineContext ctx, FrameStepper stepper) {
        this.ctx = ctx;
        this.stepper = stepper;
    }

    void redrive(String runId) {
        stepper.commit((c, tokens) -> {
            RunRow run = RunTable.find(c, runId).orElseThrow(() ->
                    new NotFoundException("local", "no workflow instance '" + runId + "'"));
            Redrives.check("local", runId, Redrives.Facts.of(run.reported(), HistoryTable.list(c, runId),
                    run.redriveCount()));
            Frame root = FrameTable.find(c, runId, 0).orElseThrow();
            WorkflowDefinition definition = ctx.definitions().require(run.workflow(), run.version());
            long now = ctx.clock().millis();
            RunTable.redrive(c, runId, definition.timeout().map(t -> now + t.toMillis()).orElse(null),
                    run.redriveCount() + 1, HistoryTable.lastSeq(c, runId));
            FrameTable.save(c, new Frame(runId, 0, null, null, "", root.step(), root.data(), Frame.READY, null, 0, 0,
                    null, null, null));
        });
        ctx.wake().run();
    }
}
