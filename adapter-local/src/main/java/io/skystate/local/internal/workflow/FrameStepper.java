package io.skystate.local.internal.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skystate.api.workflow.ChoiceCondition;
import io.skystate.api.workflow.RunStatus;
import io.skystate.api.workflow.Step;
import io.skystate.api.workflow.WorkflowErrors;
import io.skystate.core.handler.HandlerRegistry;
import io.skystate.core.workflow.ConditionEvaluator;
import io.skystate.core.workflow.JsonPaths;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Advances one frame by one step. Every transition is committed before its effect is acted on; a task attempt is
 * recorded as started before its handler runs, so a crash re-runs only that attempt (tasks are at-least-once).
 */
final class FrameStepper {
    private final EngineContext ctx;
    private final Transitions transitions;
    private final CallbackSteps callbackSteps;

    FrameStepper(EngineContext ctx, Transitions transitions) {
        this.ctx = ctx;
        this.transitions = transitions;
        this.callbackSteps = new CallbackSteps(ctx, transitions, this);
    }

    CallbackSteps callbackSteps() {
        return callbackSteps;
    }

    /** A frame and the step it is at, if the frame is still due to run. */
    record Current(Frame frame, Step step) {
    }

    Optional<Current> current(Connection c, String runId, long frameId, String expectedState) throws SQLException {
        Optional<Frame> frame = FrameTable.find(c, runId, frameId).filter(f -> expectedState.equals(f.state()));
        Optional<RunRow> run = RunTable.find(c, runId).filter(r -> RunStatus.RUNNING.name().equals(r.status()));
        if (frame.isEmpty() || run.isEmpty()) {
            return Optional.empty();
        }
        Step step = ctx.definitions().step(run.get().workflow(), run.get().version(), frame.get().scope(), frame.get().step());
        return Optional.of(new Current(frame.get(), step));
    }

    void advance(String runId, long frameId) {
        Optional<Current> current = ctx.database().inTransaction(c -> current(c, runId, frameId, Frame.READY));
        if (current.isEmpty() || current.get().frame().wakeAt() > ctx.clock().millis()) {
            return;
        }
        Frame frame = current.get().frame();
        Step step = current.get().step();
        if (step instanceof Step.Task task) {
            runTask(frame, task);
        } else if (step instanceof Step.AwaitCallback await) {
            callbackSteps.advance(frame, await);
        } else {
            finishInline(frame, step);
        }
    }

    private void runTask(Frame frame, Step.Task task) {
        Frame started = begin(frame, task.kind());
        TaskRunner.Result result;
        try {
            byte[] input = input(started, task.inputPath());
            result = ctx.tasks().invoke(task.handler(), input, started.runId() + "/" + started.path() + "/" + started.attempt(),
                    started.attempt(), task.timeout().orElse(HandlerRegistry.DEFAULT_TIMEOUT));
        } catch (JsonPaths.DataPathException e) {
            result = new TaskRunner.Result(null, new StepError(WorkflowErrors.DATA_ERROR, e.getMessage()));
        }
        TaskRunner.Result outcome = result;
        commit((c, tokens) -> {
            Optional<Current> still = current(c, started.runId(), started.frameId(), Frame.READY)
                    .filter(now -> now.frame().attempt() == started.attempt() && now.frame().step().equals(started.step()));
            if (still.isEmpty()) {
                return; // cancelled or timed out while the handler ran
            }
            if (outcome.error() != null) {
                transitions.fail(c, still.get().frame(), task, outcome.error(), tokens);
                return;
            }
            byte[] data = withResult(still.get().frame(), task.resultPath(), ctx.codec().tree(outcome.output()));
            if (task.compensation().isPresent()) {
                RunTable.addCompensation(c, started.runId(), started.path(), task.compensation().get());
            }
            transitions.succeed(c, still.get().frame(), data, task.next(), tokens);
        });
    }

    /** Records the start of an attempt (and of the step's history entry on the first one). */
    Frame begin(Frame frame, String kind) {
        return ctx.database().inTransaction(c -> {
            Long seq = frame.historySeq() != null ? frame.historySeq()
                    : HistoryTable.open(c, frame.runId(), frame.path(), kind, ctx.clock().millis());
            Frame started = frame.with(frame.state(), frame.phase(), frame.attempt() + 1, frame.wakeAt()).withHistory(seq);
            HistoryTable.attempts(c, frame.runId(), seq, started.attempt());
            FrameTable.save(c, started);
            return started;
        });
    }

    private void finishInline(Frame frame, Step step) {
        commit((c, tokens) -> {
            if (step instanceof Step.Wait wait && !"SLEEPING".equals(frame.phase())) {
                startWait(c, frame, wait, tokens);
                return;
            }
            if (step instanceof Step.Parallel parallel && frame.phase() == null) {
                fork(c, frame, parallel);
                return;
            }
            Frame opened = frame.historySeq() != null ? frame
                    : frame.withHistory(HistoryTable.open(c, frame.runId(), frame.path(), step.kind(), ctx.clock().millis()));
            if (step instanceof Step.Wait wait) {
                transitions.succeed(c, opened, frame.data(), wait.next(), tokens);
            } else if (step instanceof Step.Choice choice) {
                choose(c, opened, choice, tokens);
            } else if (step instanceof Step.Succeed) {
                transitions.succeed(c, opened, frame.data(), Optional.empty(), tokens);
            } else if (step instanceof Step.Fail fail) {
                transitions.fail(c, opened, step, new StepError(fail.error(), fail.cause()), tokens);
            }
        });
    }

    private void choose(Connection c, Frame frame, Step.Choice choice, List<String> tokens) throws SQLException {
        JsonNode data = ctx.codec().tree(frame.data());
        for (Step.ChoiceRule rule : choice.rules()) {
            if (ConditionEvaluator.test(rule.condition(), data)) {
                transitions.succeed(c, frame, frame.data(), Optional.of(rule.next()), tokens);
                return;
            }
        }
        if (choice.otherwise().isPresent()) {
            transitions.succeed(c, frame, frame.data(), choice.otherwise(), tokens);
        } else {
            transitions.fail(c, frame, choice, new StepError(WorkflowErrors.NO_CHOICE_MATCHED,
                    "no rule of choice '" + choice.name() + "' matched and it has no otherwise"), tokens);
        }
    }

    private void startWait(Connection c, Frame frame, Step.Wait wait, List<String> tokens) throws SQLException {
        long seq = HistoryTable.open(c, frame.runId(), frame.path(), wait.kind(), ctx.clock().millis());
        long wakeAt;
        try {
            wakeAt = wakeTime(frame, wait);
        } catch (RuntimeException e) {
            transitions.fail(c, frame.withHistory(seq), wait, new StepError(WorkflowErrors.DATA_ERROR, e.getMessage()), tokens);
            return;
        }
        FrameTable.save(c, frame.with(Frame.READY, "SLEEPING", 1, wakeAt).withHistory(seq));
    }

    private long wakeTime(Frame frame, Step.Wait wait) {
        if (wait.duration().isPresent()) {
            return ctx.clock().millis() + wait.duration().get().toMillis();
        }
        if (wait.until().isPresent()) {
            return wait.until().get().toEpochMilli();
        }
        String path = wait.untilPath().get();
        JsonNode at = JsonPaths.read(ctx.claims().resolvePath(ctx.codec().tree(frame.data()), path), path)
                .orElseThrow(() -> new JsonPaths.DataPathException("nothing at " + wait.untilPath().get()));
        return Instant.parse(at.asText()).toEpochMilli();
    }

    private void fork(Connection c, Frame frame, Step.Parallel parallel) throws SQLException {
        long seq = frame.historySeq() != null ? frame.historySeq()
                : HistoryTable.open(c, frame.runId(), frame.path(), parallel.kind(), ctx.clock().millis());
        HistoryTable.attempts(c, frame.runId(), seq, frame.attempt() + 1);
        long first = FrameTable.nextFrameId(c, frame.runId());
        for (int i = 0; i < parallel.branches().size(); i++) {
            Step.Branch branch = parallel.branches().get(i);
            FrameTable.save(c, new Frame(frame.runId(), first + i, frame.frameId(), i,
                    frame.scope() + parallel.name() + "/" + i + "/", branch.startAt(), frame.data(), Frame.READY, null,
                    0, 0, null, null, null));
        }
        FrameTable.save(c, frame.with(Frame.JOINING, "FORKED:" + first, frame.attempt() + 1, 0).withHistory(seq));
        ctx.wake().run();
    }

    byte[] input(Frame frame, String inputPath) {
        JsonNode data = ctx.claims().resolvePath(ctx.codec().tree(frame.data()), inputPath);
        JsonNode selected = JsonPaths.read(data, inputPath)
                .orElseThrow(() -> new JsonPaths.DataPathException("input path " + inputPath + " selects nothing"));
        return ctx.codec().encode(ctx.claims().resolve(selected));
    }

    byte[] withResult(Frame frame, String resultPath, JsonNode result) {
        JsonNode data = ctx.claims().resolvePath(ctx.codec().tree(frame.data()), resultPath);
        return ctx.codec().encode(JsonPaths.write(data, resultPath, ctx.claims().offload(result)));
    }

    /** Work inside one transaction; {@code tokens} collects callback tokens to invalidate after the commit. */
    interface Work {
        void run(Connection c, List<String> tokens) throws SQLException;
    }

    void commit(Work work) {
        List<String> tokens = new ArrayList<>();
        ctx.database().inTransaction(c -> {
            work.run(c, tokens);
            return null;
        });
        for (String token : tokens) {
            CallbackSteps.invalidate(ctx, token);
        }
    }
}
