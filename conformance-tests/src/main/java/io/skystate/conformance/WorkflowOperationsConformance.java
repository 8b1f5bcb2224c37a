package io.skystate.conformance;

import static io.skystate.conformance.OperationsFixtures.Call;
import static io.skystate.conformance.OperationsFixtures.await;
import static io.skystate.conformance.OperationsFixtures.awaitStep;
import static io.skystate.conformance.OperationsFixtures.calls;
import static io.skystate.conformance.OperationsFixtures.lines;
import static io.skystate.conformance.OperationsFixtures.recording;
import static io.skystate.conformance.WorkflowFixtures.assertStatus;
import static io.skystate.conformance.WorkflowFixtures.awaitFinished;
import static io.skystate.conformance.WorkflowFixtures.awaitSucceeded;
import static io.skystate.conformance.WorkflowFixtures.constant;
import static io.skystate.conformance.WorkflowFixtures.instanceId;
import static io.skystate.conformance.WorkflowFixtures.json;
import static io.skystate.conformance.WorkflowFixtures.member;
import static io.skystate.conformance.WorkflowFixtures.take;
import static io.skystate.conformance.WorkflowFixtures.workflowName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skystate.api.Capability;
import io.skystate.api.NotFoundException;
import io.skystate.api.Skystate;
import io.skystate.api.UnsupportedCapabilityException;
import io.skystate.api.handler.StepInvocation;
import io.skystate.api.workflow.ChoiceCondition;
import io.skystate.api.workflow.RetryRule;
import io.skystate.api.workflow.RunQuery;
import io.skystate.api.workflow.RunStateException;
import io.skystate.api.workflow.RunStatus;
import io.skystate.api.workflow.RunSummary;
import io.skystate.api.workflow.StepExecution;
import io.skystate.api.workflow.StepFailure;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.api.workflow.WorkflowRun;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Operating runs from outside, and what handlers learn about the step they run for. {@code wfops01}-{@code wfops09}
 * ({@link RunOperationRules}): listing and searching runs (workflow, status, start range, stable checked paging),
 * the steps and callbacks a run waits on, and signals to awaitEvent steps (kept before the step, waking it, FIFO,
 * timeout, typed errors that record nothing). {@code wfops10}-{@code wfops15}: redrive (resumes at the failed step on
 * the run's version, history grows, refused where it would not help, timed-out runs) and invocation ids (one per step
 * execution across retries, new for a loop visit, a redrive and another run; {@code step()} names the run, path and
 * kind, compensations included). {@code wfops16}: an instance with workers off operates runs and runs no step.
 * {@code wfops17}: redrive follows the declared capability.
 */
public class WorkflowOperationsConformance extends RunOperationRules {
    /**
     * Redrive follows the engine's declared {@link Capability#WORKFLOW_REDRIVE}: with it, a failed run is restarted
     * (RUNNING, same id); without it, {@link UnsupportedCapabilityException} and the run stays FAILED. An unknown id is
     * {@link NotFoundException} on every engine.
     */
    @ConformanceRule
    public final void wfops17_redriveFollowsCapability() throws Exception {
        Skystate s = skystate();
        WorkflowDefinition failing = register(WorkflowDefinition.builder(workflowName(), 1).startAt("boom")
                .task("boom", WorkflowFixtures.function(s, in -> {
                    throw new StepFailure("Boom", "always");
                }), t -> { }));
        String id = instanceId();
        workflows().start(failing.name(), id, json("{}"));
        assertStatus(awaitFinished(workflows(), id), RunStatus.FAILED);
        assertThatThrownBy(() -> workflows().redrive(instanceId())).as("unknown run")
                .isInstanceOf(NotFoundException.class);
        if (s.capabilities().has(Capability.WORKFLOW_REDRIVE)) {
            WorkflowRun redriven = workflows().redrive(id);
            assertThat(redriven.instanceId()).isEqualTo(id);
            assertThat(redriven.status()).isEqualTo(RunStatus.RUNNING);
            assertStatus(awaitFinished(workflows(), id), RunStatus.FAILED);
        } else {
            assertThatThrownBy(() -> workflows().redrive(id)).isInstanceOf(UnsupportedCapabilityException.class);
            assertStatus(workflows().run(id), RunStatus.FAILED);
        }
    }

    /**
     * A run failed at task b (uncaught) is redriven after a version 2 is registered: it resumes at b with the data b
     * started with, on version 1, without running a again; b's redriven execution is a new invocation; the history
     * keeps the failed entry and grows; the run keeps its start and lists redriveCount 1; it cannot be redriven
     * once it succeeded.
     */
    @ConformanceRule
    public final void wfops10_redriveResumesAtTheFailedStep() throws Exception {
        Skystate s = skystate();
        List<Call> aCalls = calls();
        List<Call> bCalls = calls();
        List<Call> cCalls = calls();
        AtomicBoolean failing = new AtomicBoolean(true);
        String name = workflowName();
        String b = recording(s, bCalls, in -> {
            if (failing.get()) {
                throw new StepFailure("Flaky.Once", "not yet");
            }
            return "B";
        });
        register(WorkflowDefinition.builder(name, 1).startAt("a")
                .task("a", recording(s, aCalls, in -> "A"), t -> t.resultPath("$.a").next("b"))
                .task("b", b, t -> t.resultPath("$.b").next("c"))
                .task("c", recording(s, cCalls, in -> "v1"), t -> t.resultPath("$.c")));
        String id = instanceId();
        workflows().start(name, id, json("{\"order\":1}"));
        WorkflowRun failed = assertStatus(awaitFinished(workflows(), id), RunStatus.FAILED);
        assertThat(failed.error()).hasValue("Flaky.Once");
        String v2 = constant(s, "v2");
        register(WorkflowDefinition.builder(name, 2).startAt("a").task("a", v2, t -> t.resultPath("$.a").next("c"))
                .task("c", v2, t -> t.resultPath("$.c")));
        failing.set(false);
        WorkflowRun redriven = workflows().redrive(id);
        assertThat(redriven.instanceId()).isEqualTo(id);
        assertThat(redriven.status()).isEqualTo(RunStatus.RUNNING);
        WorkflowRun run = awaitSucceeded(workflows(), id);
        JsonTree.assertSameJson(run.output().orElseThrow(), "{\"order\":1,\"a\":\"A\",\"b\":\"B\",\"c\":\"v1\"}");
        assertThat(run.version()).isEqualTo(1);
        assertThat(run.startedAt()).isEqualTo(failed.startedAt());
        assertThat(aCalls).as("calls of a").hasSize(1);
        assertThat(cCalls).as("calls of version 1's c").hasSize(1);
        assertThat(bCalls).extracting(Call::input).as("inputs of b").containsOnly(JsonTree.parse("{\"order\":1,\"a\":\"A\"}"))
                .hasSize(2);
        assertThat(bCalls.get(1).invocationId()).as("a redriven step is a new invocation")
                .isNotEqualTo(bCalls.get(0).invocationId());
        assertThat(lines(workflows().history(id))).containsExactly("a task SUCCEEDED 1", "b task FAILED 1 Flaky.Once",
                "b task SUCCEEDED 1", "c task SUCCEEDED 1");
        RunSummary summary = OperationsFixtures.listAll(workflows(), RunQuery.all().workflow(name)).get(0);
        assertThat(summary.redriveCount()).isEqualTo(1);
        assertThat(summary.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThatThrownBy(() -> workflows().redrive(id)).isInstanceOf(RunStateException.class);
    }

    /**
     * Redrive is refused (RunStateException, nothing changes) for a run that is running, was cancelled, failed at a
     * fail step, or failed and ran its compensations; an unknown id is NotFoundException.
     */
    @ConformanceRule
    public final void wfops11_redriveRefusedWhereItCannotHelp() throws Exception {
        Skystate s = skystate();
        WorkflowDefinition waiting = register(WorkflowDefinition.builder(workflowName(), 1).startAt("hold")
                .awaitEvent("hold", "never", MINUTE, e -> { }));
        String running = instanceId();
        workflows().start(waiting.name(), running, json("{}"));
        awaitStep(workflows(), running, "hold");
        assertThatThrownBy(() -> workflows().redrive(running)).as("running").isInstanceOf(RunStateException.class);
        workflows().cancel(running, "conformance: cancelled");
        assertStatus(awaitFinished(workflows(), running), RunStatus.CANCELLED);
        assertThatThrownBy(() -> workflows().redrive(running)).as("cancelled").isInstanceOf(RunStateException.class);

        WorkflowDefinition rejecting = register(WorkflowDefinition.builder(workflowName(), 1).startAt("check")
                .task("check", constant(s, "checked"), t -> t.resultPath("$.check").next("reject"))
                .fail("reject", "Order.Rejected", "blocked"));
        String atFail = instanceId();
        workflows().start(rejecting.name(), atFail, json("{}"));
        assertStatus(awaitFinished(workflows(), atFail), RunStatus.FAILED);
        assertThatThrownBy(() -> workflows().redrive(atFail)).as("failed at a fail step")
                .isInstanceOf(RunStateException.class);

        WorkflowDefinition saga = register(WorkflowDefinition.builder(workflowName(), 1).startAt("pay")
                .task("pay", constant(s, "paid"), t -> t.resultPath("$.pay").compensateWith(constant(s, "refunded"))
                        .next("ship"))
                .task("ship", WorkflowFixtures.function(s, in -> {
                    throw new StepFailure("Shipping.Failed", "truck");
                }), t -> { }));
        String compensated = instanceId();
        workflows().start(saga.name(), compensated, json("{}"));
        assertStatus(awaitFinished(workflows(), compensated), RunStatus.FAILED);
        int entries = workflows().history(compensated).size();
        assertThatThrownBy(() -> workflows().redrive(compensated)).as("compensated")
                .isInstanceOf(RunStateException.class);
        assertThat(workflows().run(compensated).status()).isEqualTo(RunStatus.FAILED);
        assertThat(workflows().history(compensated)).hasSize(entries);
        assertThatThrownBy(() -> workflows().redrive(instanceId())).isInstanceOf(NotFoundException.class);
    }

    /**
     * A run that timed out (2 s workflow timeout) while a task ran is redriven at that task with a fresh timeout: the
     * task runs again (now quickly), the steps before it do not, and the run succeeds.
     */
    @ConformanceRule
    public final void wfops12_redriveOfATimedOutRun() throws Exception {
        Skystate s = skystate();
        List<Call> firstCalls = calls();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch open = new CountDownLatch(1);
        AtomicInteger slowCalls = new AtomicInteger();
        String slow = WorkflowFixtures.function(s, in -> {
            if (slowCalls.incrementAndGet() > 1) {
                return "quick";
            }
            entered.countDown();
            Poll.until(timing().runAwait(), () -> open.getCount(), left -> left == 0);
            return "too late";
        });
        WorkflowDefinition definition = register(WorkflowDefinition.builder(workflowName(), 1)
                .timeout(Duration.ofSeconds(2)).startAt("first")
                .task("first", recording(s, firstCalls, in -> 1), t -> t.resultPath("$.first").next("slow"))
                .task("slow", slow, t -> t.resultPath("$.slow").timeout(MINUTE)));
        String id = instanceId();
        workflows().start(definition.name(), id, json("{}"));
        await(entered, "the slow task");
        assertStatus(awaitFinished(workflows(), id), RunStatus.TIMED_OUT);
        open.countDown();
        workflows().redrive(id);
        JsonTree.assertSameJson(awaitSucceeded(workflows(), id).output().orElseThrow(),
                "{\"first\":1,\"slow\":\"quick\"}");
        assertThat(firstCalls).hasSize(1);
        assertThat(slowCalls).hasValue(2);
    }

    /**
     * A task failing twice and retried (3 attempts) keeps one invocation id across its attempts (attempt 1, 2, 3), and
     * step() names the run, the step's path and kind task.
     */
    @ConformanceRule
    public final void wfops13_invocationIdStableAcrossRetries() throws Exception {
        List<Call> calls = calls();
        String flaky = recording(skystate(), calls, in -> {
            if (calls.size() < 3) {
                throw new StepFailure("Flaky", "attempt " + calls.size());
            }
            return "ok";
        });
        WorkflowDefinition definition = register(WorkflowDefinition.builder(workflowName(), 1).startAt("flaky")
                .task("flaky", flaky, t -> t.retry(RetryRule.on(List.of("Flaky"), 3, WorkflowFixtures.SECOND, 1.0))));
        String id = instanceId();
        workflows().start(definition.name(), id, json("{}"));
        awaitSucceeded(workflows(), id);
        assertThat(calls).extracting(Call::attempt).containsExactly(1, 2, 3);
        assertThat(calls).extracting(Call::invocationId).containsOnly(calls.get(0).invocationId());
        assertThat(calls.get(0).invocationId()).isNotBlank().hasSizeLessThanOrEqualTo(512);
        assertThat(calls).extracting(Call::step).containsOnly(Optional.of(new StepInvocation(id, "flaky", "task")));
    }

    /**
     * Every execution is its own invocation: the three visits of a loop inside a parallel branch have three ids (path
     * fan/0/inc), an awaitCallback's handler call has kind awaitCallback, and a second run shares no id with the first.
     */
    @ConformanceRule
    public final void wfops14_invocationIdsDifferPerExecutionAndRun() throws Exception {
        Skystate s = skystate();
        List<Call> calls = calls();
        BlockingQueue<String> tokens = new LinkedBlockingQueue<>();
        String ask = recording(s, calls, in -> {
            tokens.add((String) member(WorkflowFixtures.tree(s, in), "token"));
            return "asked";
        });
        String inc = recording(s, calls, in -> new BigDecimal(in.toString()).add(BigDecimal.ONE));
        WorkflowDefinition definition = register(WorkflowDefinition.builder(workflowName(), 1).startAt("approve")
                .awaitCallback("approve", ask, MINUTE, c -> c.resultPath("$.approval").next("fan"))
                .parallel("fan", p -> p.resultPath("$.fan").branch(b -> b.startAt("inc")
                        .task("inc", inc, t -> t.inputPath("$.n").resultPath("$.n").next("check"))
                        .choice("check", c -> c.when(ChoiceCondition.numeric("$.n", ChoiceCondition.Operator.GE, 3),
                                "done").otherwise("inc"))
                        .succeed("done"))));
        List<Set<String>> idsPerRun = new java.util.ArrayList<>();
        for (int run = 0; run < 2; run++) {
            calls.clear();
            String id = instanceId();
            workflows().start(definition.name(), id, json("{\"n\":0}"));
            workflows().completeCallback(take(tokens, "the callback request"), json("true"));
            awaitSucceeded(workflows(), id);
            assertThat(calls).extracting(Call::step).containsExactly(
                    Optional.of(new StepInvocation(id, "approve", "awaitCallback")),
                    Optional.of(new StepInvocation(id, "fan/0/inc", "task")),
                    Optional.of(new StepInvocation(id, "fan/0/inc", "task")),
                    Optional.of(new StepInvocation(id, "fan/0/inc", "task")));
            Set<String> ids = new HashSet<>(calls.stream().map(Call::invocationId).toList());
            assertThat(ids).as("invocation ids of run %d: %s", run, calls).hasSize(4);
            idsPerRun.add(ids);
        }
        assertThat(idsPerRun.get(1)).as("ids of the second run").doesNotContainAnyElementsOf(idsPerRun.get(0));
    }

    /**
     * A compensation is an invocation of its own: kind compensation, the compensated step's path, an id other than
     * the step's, the same on its retry (the compensation fails once) with attempts 1 and 2.
     */
    @ConformanceRule
    public final void wfops15_compensationInvocations() throws Exception {
        Skystate s = skystate();
        List<Call> payCalls = calls();
        List<Call> undoCalls = calls();
        String undo = recording(s, undoCalls, in -> {
            if (undoCalls.size() == 1) {
                throw new StepFailure("Refund.Busy", "try again");
            }
            return "refunded";
        });
        WorkflowDefinition definition = register(WorkflowDefinition.builder(workflowName(), 1).startAt("pay")
                .task("pay", recording(s, payCalls, in -> "paid"), t -> t.resultPath("$.pay").compensateWith(undo)
                        .next("ship"))
                .task("ship", WorkflowFixtures.function(s, in -> {
                    throw new StepFailure("Shipping.Failed", "truck");
                }), t -> { }));
        String id = instanceId();
        workflows().start(definition.name(), id, json("{}"));
        assertStatus(awaitFinished(workflows(), id), RunStatus.FAILED);
        assertThat(undoCalls).extracting(Call::attempt).containsExactly(1, 2);
        assertThat(undoCalls).extracting(Call::step).containsOnly(Optional.of(new StepInvocation(id, "pay", "compensation")));
        assertThat(undoCalls).extracting(Call::invocationId).containsOnly(undoCalls.get(0).invocationId())
                .doesNotContain(payCalls.get(0).invocationId());
    }

    /**
     * An instance with {@code workflows.workers=off} operates a run and runs none of its steps: the run it starts
     * stays RUNNING with its task's handler (registered on that instance) never called, no step in its history has
     * ended, and the operator can cancel it.
     */
    @ConformanceRule
    public final void wfops16_operatorInstancesRunNoSteps() throws Exception {
        try (Skystate operator = target().openOperator()) {
            List<Call> calls = calls();
            WorkflowDefinition definition = operator.workflows().register(WorkflowDefinition.builder(workflowName(), 1)
                    .startAt("work").task("work", recording(operator, calls, in -> "done"), t -> { }).build());
            String id = instanceId();
            operator.workflows().start(definition.name(), id, json("{}"));
            Thread.sleep(timing().bound(Duration.ofSeconds(2)).toMillis());
            assertThat(calls).as("handler calls on an instance with workers off").isEmpty();
            assertStatus(operator.workflows().run(id), RunStatus.RUNNING);
            assertThat(operator.workflows().history(id)).as("steps ended")
                    .noneMatch(step -> step.outcome() != StepExecution.Outcome.RUNNING);
            operator.workflows().cancel(id, "stopped by the operator");
            assertStatus(awaitFinished(operator.workflows(), id), RunStatus.CANCELLED);
        }
    }
}
