package io.skystate.local.internal.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.skystate.api.workflow.RunStatus;
import io.skystate.api.workflow.Step;
import io.skystate.api.workflow.WorkflowErrors;
import io.skystate.api.workflow.Workflows;
import io.skystate.core.workflow.JsonPaths;
import io.skystate.core.workflow.interpret.Plan;
import io.skystate.core.workflow.interpret.StepError;
import io.skystate.core.workflow.interpret.StepInterpreter;
import io.skystate.core.workflow.interpret.Transition;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Advances one frame by one step, as the core {@link StepInterpreter} plans it. Every transition is committed before
 * its effect is acted on; a task attempt is recorded as started before its handler runs, so a crash re-runs only
 * that attempt (tasks are at-least-once).
 */
final class FrameStepper {
    private static final String SLEEPING = "SLEEPING";

    private final EngineContext ctx;
    private final Transitions transitions;
    private final CallbackSteps callbackSteps;
    private final EventSteps eventSteps;

    FrameStepper(EngineContext ctx, Transitions transitions) {
        this.ctx = ctx;
        this.transitions = transitions;
        this.callbackSteps = new CallbackSteps(ctx, transitions, this);
        this.eventSteps = new EventSteps(ctx, transitions, this);
    }

    CallbackSteps callbackSteps() {
        return callbackSteps;
    }

    EventSteps eventSteps() {
        return eventSteps;
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

    /**
     * A claimed frame, the plan for its step ({@code null} for a wait that is over) and, for a task, the attempt
     * begun in the claiming transaction (empty if the run was out of attempts and has failed instead).
     */
    private record Claimed(Current current, Plan plan, Optional<Frame> started) {
    }

    /**
     * Runs the frame's current step if it is due and no other engine holds it (see {@link Leases}). For a task, the
     * claim and the start of the attempt are one transaction: a crash after it re-runs the attempt, as before.
     */
    void advance(String runId, long frameId) {
        List<String> tokens = new ArrayList<>();
        Optional<Claimed> claimed = ctx.database().inTransaction(c -> {
            Optional<Current> due = current(c, runId, frameId, Frame.READY)
                    .filter(now -> now.frame().wakeAt() <= ctx.clock().millis());
            if (due.isEmpty() || !ctx.leases().claim(c, runId, frameId)) {
                return Optional.<Claimed>empty();
            }
            Frame frame = due.get().frame();
            Step step = due.get().step();
            if (step instanceof Step.Wait && SLEEPING.equals(frame.phase())) {
                return Optional.of(new Claimed(due.get(), null, Optional.empty()));
            }
            Plan plan = StepInterpreter.enter(step, frame.scope(), ctx.codec().tree(frame.data()));
            Optional<Frame> started = plan instanceof Plan.Invoke ? begin(c, frame, step, tokens) : Optional.empty();
            return Optional.of(new Claimed(due.get(), plan, started));
        });
        tokens.forEach(token -> CallbackSteps.invalidate(ctx, token));
        if (claimed.isEmpty()) {
            return;
        }
        boolean released = false;
        try {
            released = advanceClaimed(claimed.get());
        } finally {
            if (!released) {
                ctx.leases().release(runId, frameId);
            }
        }
    }

    /** Steps the claimed frame; true if the lease was given up in the step's own last transaction. */
    private boolean advanceClaimed(Claimed claimed) {
        Frame frame = claimed.current().frame();
        Step step = claimed.current().step();
        Plan plan = claimed.plan();
        if (plan == null) {
            Step.Wait wait = (Step.Wait) step;
            JsonNode data = ctx.codec().tree(frame.data());
            commit((c, tokens) -> transitions.apply(c, frame, StepInterpreter.waited(wait, data), tokens));
            return false;
        }
        if (plan instanceof Plan.Invoke invoke) {
            return claimed.started().isPresent() && runTask(claimed.started().get(), (Step.Task) step, invoke);
        } else if (plan instanceof Plan.AwaitCallback await) {
            callbackSteps.advance(frame, (Step.AwaitCallback) step, await);
        } else if (plan instanceof Plan.AwaitEvent await) {
            eventSteps.advance(frame, (Step.AwaitEvent) step, await);
        } else if (plan instanceof Plan.Fork fork) {
            commit((c, tokens) -> {
                ctx.leases().release(c, frame.runId(), frame.frameId());
                fork(c, frame, step, fork);
            });
            return true;
        } else if (plan instanceof Plan.Sleep sleep) {
            commit((c, tokens) -> FrameTable.save(c, frame.with(Frame.READY, SLEEPING, 1,
                    sleep.wakeAt(Instant.ofEpochMilli(ctx.clock().millis())).toEpochMilli()).withHistory(open(c, frame, step))));
        } else {
            commit((c, tokens) -> transitions.apply(c, frame.withHistory(open(c, frame, step)),
                    ((Plan.Decided) plan).transition(), tokens));
        }
        return false;
    }

    /** Runs a task attempt; true if its outcome was committed together with the release of the frame's lease. */
    private boolean runTask(Frame started, Step.Task task, Plan.Invoke invoke) {
        TaskRunner.Result result;
        try {
            byte[] input = ctx.codec().encode(ctx.claims().resolve(invoke.input()));
            result = ctx.tasks().invoke(task.handler(), input, TaskRunner.call(started, "task"), invoke.timeout());
        } catch (JsonPaths.DataPathException e) {
            result = new TaskRunner.Result(null, StepError.dataError(e.getMessage()));
        }
        TaskRunner.Result outcome = result;
        commit((c, tokens) -> {
            ctx.leases().release(c, started.runId(), started.frameId()); // one transaction fewer per task step
            Optional<Current> still = current(c, started.runId(), started.frameId(), Frame.READY)
                    .filter(now -> now.frame().attempt() == started.attempt() && now.frame().step().equals(started.step()));
            if (still.isEmpty()) {
                return; // cancelled or timed out while the handler ran
            }
            if (outcome.error() != null) {
                transitions.fail(c, still.get().frame(), task, outcome.error(), tokens);
                return;
            }
            JsonNode output = ctx.claims().offload(ctx.codec().tree(outcome.output()));
            if (task.compensation().isPresent()) {
                RunTable.addCompensation(c, started.runId(), started.path(), task.compensation().get());
            }
            transitions.apply(c, still.get().frame(),
                    StepInterpreter.completed(task, ctx.codec().tree(started.data()), output), tokens);
        });
        return true;
    }

    /**
     * Records the start of an attempt (and of the step's history entry on the first one), or fails the run with
     * {@link WorkflowErrors#TRANSITION_LIMIT} (and returns empty) when it has used up its step attempts.
     */
    Optional<Frame> begin(Frame frame, Step step) {
        List<String> tokens = new ArrayList<>();
        Optional<Frame> begun = ctx.database().inTransaction(c -> begin(c, frame, step, tokens));
        tokens.forEach(token -> CallbackSteps.invalidate(ctx, token));
        return begun;
    }

    /** {@link #begin(Frame, Step)} inside the caller's transaction; callback tokens to invalidate go to {@code tokens}. */
    private Optional<Frame> begin(Connection c, Frame frame, Step step, List<String> tokens) throws SQLException {
        Frame opened = frame.withHistory(open(c, frame, step));
        if (outOfAttempts(c, opened, tokens)) {
            return Optional.empty();
        }
        Frame started = opened.with(frame.state(), frame.phase(), frame.attempt() + 1, frame.wakeAt());
        HistoryTable.attempts(c, frame.runId(), opened.historySeq(), started.attempt());
        FrameTable.save(c, started);
        return Optional.of(started);
    }

    /**
     * The step's history entry, opened on first use. Steps without attempts of their own (choice, wait, succeed,
     * fail) run once: their entry says 1 attempt, as on every engine.
     */
    long open(Connection c, Frame frame, Step step) throws SQLException {
        if (frame.historySeq() != null) {
            return frame.historySeq();
        }
        long seq = HistoryTable.open(c, frame.runId(), frame.path(), step.kind(), ctx.clock().millis());
        if (!(step instanceof Step.Task || step instanceof Step.AwaitCallback || step instanceof Step.Parallel)) {
            HistoryTable.attempts(c, frame.runId(), seq, 1);
        }
        return seq;
    }

    /** Fails the run with the fatal {@link WorkflowErrors#TRANSITION_LIMIT} if it has used up its step attempts. */
    private boolean outOfAttempts(Connection c, Frame opened, List<String> tokens) throws SQLException {
        if (HistoryTable.workAttempts(c, opened.runId()) < Workflows.MAX_STEP_ATTEMPTS) {
            return false;
        }
        transitions.apply(c, opened, new Transition.Failed(new StepError(WorkflowErrors.TRANSITION_LIMIT,
                "the run made " + Workflows.MAX_STEP_ATTEMPTS + " step attempts, the most a run may make")), tokens);
        return true;
    }

    private void fork(Connection c, Frame frame, Step step, Plan.Fork fork) throws SQLException {
        Frame opened = frame.withHistory(open(c, frame, step));
        HistoryTable.attempts(c, frame.runId(), opened.historySeq(), frame.attempt() + 1);
        long first = FrameTable.nextFrameId(c, frame.runId());
        for (Plan.BranchStart branch : fork.branches()) {
            FrameTable.save(c, new Frame(frame.runId(), first + branch.index(), frame.frameId(), branch.index(),
                    branch.scope(), branch.startAt(), ctx.codec().encode(branch.input()), Frame.READY, null, 0, 0, null,
                    null, null));
        }
        FrameTable.save(c, opened.with(Frame.JOINING, "FORKED:" + first, frame.attempt() + 1, 0));
        ctx.wake().run();
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
