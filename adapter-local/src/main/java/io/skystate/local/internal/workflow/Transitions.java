package io.skystate.local.internal.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skystate.api.workflow.CatchRule;
import io.skystate.api.workflow.RetryRule;
import io.skystate.api.workflow.RunStatus;
import io.skystate.api.workflow.Step;
import io.skystate.api.workflow.StepExecution.Outcome;
import io.skystate.core.workflow.JsonPaths;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What happens when a step ends, inside the caller's transaction: move on, end the frame, join a parallel step,
 * retry, catch, or fail the frame (and with it the run, or the enclosing parallel step). Callback tokens of
 * frames stopped here are collected in {@code cancelledTokens} for the caller to invalidate after commit.
 */
final class Transitions {
    private final EngineContext ctx;

    Transitions(EngineContext ctx) {
        this.ctx = ctx;
    }

    /** The step succeeded with {@code data}: go to {@code next}, or end the frame. */
    void succeed(Connection c, Frame frame, byte[] data, Optional<String> next, List<String> cancelledTokens)
            throws SQLException {
        closeHistory(c, frame, Outcome.SUCCEEDED, null, null);
        if (next.isPresent()) {
            FrameTable.save(c, frame.at(next.get(), data));
        } else {
            frameDone(c, frame.withData(data), cancelledTokens);
        }
    }

    /** The step failed: retry, catch, or fail the frame. */
    void fail(Connection c, Frame frame, Step step, StepError error, List<String> cancelledTokens) throws SQLException {
        long now = ctx.clock().millis();
        Optional<RetryRule> retry = retryRules(step).stream().filter(r -> r.matches(error.error())).findFirst();
        if (retry.isPresent() && frame.attempt() < retry.get().maxAttempts()) {
            long delay = retry.get().delayAfter(Math.max(1, frame.attempt())).toMillis();
            if (retry.get().jitter() > 0) {
                delay = (long) (delay * (1 - retry.get().jitter() * ThreadLocalRandom.current().nextDouble()));
            }
            FrameTable.save(c, frame.with(Frame.READY, null, frame.attempt(), now + delay).withCallback(null, null));
            return;
        }
        Optional<CatchRule> handler = catchRules(step).stream().filter(r -> r.matches(error.error())).findFirst();
        if (handler.isPresent()) {
            ObjectNode caught = ctx.codec().mapper().createObjectNode().put("error", error.error()).put("cause", error.cause());
            String path = handler.get().resultPath();
            JsonNode data = JsonPaths.write(ctx.claims().resolvePath(ctx.codec().tree(frame.data()), path), path, caught);
            closeHistory(c, frame, Outcome.CAUGHT, error.error(), error.cause());
            FrameTable.save(c, frame.at(handler.get().next(), ctx.codec().encode(data)));
            return;
        }
        closeHistory(c, frame, Outcome.FAILED, error.error(), error.cause());
        frameFailed(c, frame, error, cancelledTokens);
    }

    private void frameDone(Connection c, Frame frame, List<String> cancelledTokens) throws SQLException {
        FrameTable.save(c, frame.with(Frame.DONE, null, frame.attempt(), 0));
        if (frame.parentFrame() == null) {
            byte[] output = ctx.codec().encode(ctx.claims().resolve(ctx.codec().tree(frame.data())));
            RunTable.finish(c, frame.runId(), RunStatus.SUCCEEDED.name(), output, null, null, ctx.clock().millis(), null);
            return;
        }
        Frame parent = FrameTable.find(c, frame.runId(), frame.parentFrame()).orElseThrow();
        List<Frame> branches = currentChildren(c, parent);
        if (!branches.stream().allMatch(b -> Frame.DONE.equals(b.state()))) {
            return;
        }
        ArrayNode results = ctx.codec().mapper().createArrayNode();
        branches.forEach(b -> results.add(ctx.codec().tree(b.data())));
        RunRow run = RunTable.find(c, frame.runId()).orElseThrow();
        Step.Parallel step = (Step.Parallel) ctx.definitions().step(run.workflow(), run.version(), parent.scope(), parent.step());
        JsonNode data = JsonPaths.write(ctx.claims().resolvePath(ctx.codec().tree(parent.data()), step.resultPath()),
                step.resultPath(), ctx.claims().offload(results));
        succeed(c, parent, ctx.codec().encode(data), step.next(), cancelledTokens);
        ctx.wake().run();
    }

    private void frameFailed(Connection c, Frame frame, StepError error, List<String> cancelledTokens)
            throws SQLException {
        FrameTable.save(c, frame.with(Frame.FAILED, null, frame.attempt(), 0));
        if (frame.parentFrame() == null) {
            failRun(c, frame.runId(), error, frame.data(), cancelledTokens);
            return;
        }
        Frame parent = FrameTable.find(c, frame.runId(), frame.parentFrame()).orElseThrow();
        if (!Frame.JOINING.equals(parent.state())) {
            return; // another branch failed first and already failed the parallel step
        }
        for (Frame sibling : currentChildren(c, parent)) {
            cancelTree(c, sibling, cancelledTokens);
        }
        RunRow run = RunTable.find(c, frame.runId()).orElseThrow();
        Step step = ctx.definitions().step(run.workflow(), run.version(), parent.scope(), parent.step());
        fail(c, parent.with(Frame.READY, null, parent.attempt(), 0), step, error, cancelledTokens);
        ctx.wake().run();
    }

    /** Fails the run: compensate first if any completed task asked for it. */
    void failRun(Connection c, String runId, StepError error, byte[] data, List<String> cancelledTokens)
            throws SQLException {
        for (Frame active : FrameTable.active(c, runId)) {
            cancelTree(c, active, cancelledTokens);
        }
        boolean compensate = RunTable.lastCompensation(c, runId).isPresent();
        RunTable.finish(c, runId, compensate ? RunRow.COMPENSATING : RunStatus.FAILED.name(), null, error.error(),
                error.cause(), compensate ? null : ctx.clock().millis(), data);
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
        closeHistory(c, frame, Outcome.CANCELLED, null, null);
        FrameTable.save(c, frame.with(Frame.CANCELLED, null, frame.attempt(), 0));
    }

    /** The branch frames of a parallel step's latest fork ({@code phase} = "FORKED:firstChildId"). */
    static List<Frame> currentChildren(Connection c, Frame parent) throws SQLException {
        if (parent.phase() == null || !parent.phase().startsWith("FORKED:")) {
            return List.of();
        }
        long first = Long.parseLong(parent.phase().substring("FORKED:".length()));
        List<Frame> children = new ArrayList<>();
        for (Frame child : FrameTable.children(c, parent.runId(), parent.frameId())) {
            if (child.frameId() >= first) {
                children.add(child);
            }
        }
        return children;
    }

    private void closeHistory(Connection c, Frame frame, Outcome outcome, String error, String cause)
            throws SQLException {
        if (frame.historySeq() != null) {
            HistoryTable.close(c, frame.runId(), frame.historySeq(), outcome, ctx.clock().millis(), error, cause);
        }
    }

    private static List<RetryRule> retryRules(Step step) {
        if (step instanceof Step.Task t) {
            return t.retry();
        }
        if (step instanceof Step.AwaitCallback a) {
            return a.retry();
        }
        return step instanceof Step.Parallel p ? p.retry() : List.of();
    }

    private static List<CatchRule> catchRules(Step step) {
        if (step instanceof Step.Task t) {
            return t.catches();
        }
        if (step instanceof Step.AwaitCallback a) {
            return a.catches();
        }
        return step instanceof Step.Parallel p ? p.catches() : List.of();
    }
}
