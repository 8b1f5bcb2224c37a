package io.skystate.local.internal.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.skystate.api.workflow.RunStatus;
import io.skystate.api.workflow.Step;
import io.skystate.api.workflow.StepExecution.Outcome;
import io.skystate.core.workflow.interpret.RetryDelays;
import io.skystate.core.workflow.interpret.StepError;
import io.skystate.core.workflow.interpret.StepInterpreter;
import io.skystate.core.workflow.interpret.Transition;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Applies the core interpreter's {@link Transition}s to the engine's tables, inside the caller's transaction: move
 * on, end the frame (joining a parallel step when its last branch ends), retry, or fail the frame (and with it the
 * run, or the enclosing parallel step). Callback tokens of frames stopped here are collected in
 * {@code cancelledTokens} for the caller to invalidate after commit.
 */
final class Transitions {
    private final EngineContext ctx;

    Transitions(EngineContext ctx) {
        this.ctx = ctx;
    }

    /** Ends the frame's current step as {@code transition} says. */
    void apply(Connection c, Frame frame, Transition transition, List<String> cancelledTokens) throws SQLException {
        if (transition instanceof Transition.Onward onward) {
            StepError caught = onward instanceof Transition.Caught k ? k.error() : null;
            closeHistory(c, frame, onward.recordedAs(), caught);
            FrameTable.save(c, frame.at(onward.step(), ctx.codec().encode(onward.data())));
        } else if (transition instanceof Transition.End end) {
            closeHistory(c, frame, Outcome.SUCCEEDED, null);
            frameDone(c, frame.withData(ctx.codec().encode(end.data())), cancelledTokens);
        } else if (transition instanceof Transition.Retry retry) {
            long delay = RetryDelays.withJitter(retry.delay(), retry.fullJitter(),
                    ThreadLocalRandom.current().nextDouble()).toMillis();
            FrameTable.save(c, frame.with(Frame.READY, null, frame.attempt(), ctx.clock().millis() + delay)
                    .withCallback(null, null));
        } else {
            StepError error = ((Transition.Failed) transition).error();
            closeHistory(c, frame, Outcome.FAILED, error);
            if (error.fatal()) {
                failRun(c, frame.runId(), error, null, false, cancelledTokens);
            } else {
                frameFailed(c, frame, error, cancelledTokens);
            }
        }
    }

    /** The step failed after the frame's attempts so far: what the interpreter says, applied. */
    void fail(Connection c, Frame frame, Step step, StepError error, List<String> cancelledTokens) throws SQLException {
        JsonNode data = ctx.codec().tree(frame.data());
        apply(c, frame, StepInterpreter.failed(step, data, error, Math.max(1, frame.attempt())), cancelledTokens);
    }

    private void frameDone(Connection c, Frame frame, List<String> cancelledTokens) throws SQLException {
        FrameTable.save(c, frame.with(Frame.DONE, null, frame.attempt(), 0));
        if (frame.parentFrame() == null) {
            byte[] output = ctx.codec().encode(ctx.claims().resolve(ctx.codec().tree(frame.data())));
            RunTable.finish(c, frame.runId(), RunStatus.SUCCEEDED.name(), output, null, null, ctx.clock().millis(), null);
            return;
        }
        Frame parent = FrameTable.find(c, frame.runId(), frame.parentFrame()).orElseThrow();
        if (!allBranchesDone(c, parent)) {
            return; // a count, not a read of every sibling's row: each branch's end would otherwise cost O(branches)
        }
        List<Frame> branches = currentChildren(c, parent);
        List<JsonNode> outputs = new ArrayList<>();
        branches.forEach(b -> outputs.add(ctx.codec().tree(b.data())));
        Step.Parallel step = (Step.Parallel) step(c, parent);
        JsonNode results = ctx.claims().offload(StepInterpreter.branchResults(outputs));
        apply(c, parent, StepInterpreter.joined(step, ctx.codec().tree(parent.data()), results), cancelledTokens);
        ctx.wake().run();
    }

    private void frameFailed(Connection c, Frame frame, StepError error, List<String> cancelledTokens)
            throws SQLException {
        FrameTable.save(c, frame.with(Frame.FAILED, null, frame.attempt(), 0));
        if (frame.parentFrame() == null) {
            failRun(c, frame.runId(), error, frame.data(), true, cancelledTokens);
            return;
        }
        Frame parent = FrameTable.find(c, frame.runId(), frame.parentFrame()).orElseThrow();
        if (!Frame.JOINING.equals(parent.state())) {
            return; // another branch failed first and already failed the parallel step
        }
        for (Frame sibling : currentChildren(c, parent)) {
            cancelTree(c, sibling, cancelledTokens);
        }
        fail(c, parent.with(Frame.READY, null, parent.attempt(), 0), step(c, parent), error, cancelledTokens);
        ctx.wake().run();
    }

    /**
     * Fails the run: stops every frame, then compensates first if {@code compensate} and any completed task asked
     * for it. Fatal errors never compensate.
     */
    void failRun(Connection c, String runId, StepError error, byte[] data, boolean compensate,
            List<String> cancelledTokens) throws SQLException {
        for (Frame active : FrameTable.active(c, runId)) {
            cancelTree(c, active, cancelledTokens);
        }
        boolean saga = compensate && RunTable.lastCompensation(c, runId).isPresent();
        RunTable.finish(c, runId, saga ? RunRow.COMPENSATING : RunStatus.FAILED.name(), null, error.error(),
                error.cause(), saga ? null : ctx.clock().millis(), saga ? data : null);
        ctx.wake().run();
    }

    /** Stops a frame (and its branches) without running anything more in it. */
    void cancelTree(Connection c, Frame frame, List<String> cancelledTokens) throws SQLException {
        if (Frame.DONE.equals(frame.state()) || Frame.FAILED.equals(frame.state()) || Frame.CANCELLED.equals(frame.state())) {
            return;
        }
        if (frame.callbackToken() != null) {
            cancelledTokens.add(frame.callbackToken());
        }
        if (Frame.JOINING.equals(frame.state())) {
            for (Frame child : currentChildren(c, frame)) {
                cancelTree(c, child, cancelledTokens);
            }
        }
        closeHistory(c, frame, Outcome.CANCELLED, null);
        FrameTable.save(c, frame.with(Frame.CANCELLED, null, frame.attempt(), 0));
    }

    /** True when no branch of the parallel step's latest fork is still to finish (as {@link #currentChildren} all DONE). */
    private static boolean allBranchesDone(Connection c, Frame parent) throws SQLException {
        Long first = firstChild(parent);
        return first == null || FrameTable.childrenNotDone(c, parent.runId(), parent.frameId(), first) == 0;
    }

    private static Long firstChild(Frame parent) {
        if (parent.phase() == null || !parent.phase().startsWith("FORKED:")) {
            return null;
        }
        return Long.parseLong(parent.phase().substring("FORKED:".length()));
    }

    /** The branch frames of a parallel step's latest fork ({@code phase} = "FORKED:firstChildId"). */
    static List<Frame> currentChildren(Connection c, Frame parent) throws SQLException {
        Long first = firstChild(parent);
        if (first == null) {
            return List.of();
        }
        List<Frame> children = new ArrayList<>();
        for (Frame child : FrameTable.children(c, parent.runId(), parent.frameId())) {
            if (child.frameId() >= first) {
                children.add(child);
            }
        }
        return children;
    }

    private Step step(Connection c, Frame frame) throws SQLException {
        RunRow run = RunTable.find(c, frame.runId()).orElseThrow();
        return ctx.definitions().step(run.workflow(), run.version(), frame.scope(), frame.step());
    }

    private void closeHistory(Connection c, Frame frame, Outcome outcome, StepError error) throws SQLException {
        if (frame.historySeq() != null) {
            HistoryTable.close(c, frame.runId(), frame.historySeq(), outcome, ctx.clock().millis(),
                    error == null ? null : error.error(), error == null ? null : error.cause());
        }
    }
}
