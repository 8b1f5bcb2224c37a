package io.skystate.conformance;

import static io.skystate.conformance.WorkflowFixtures.SECOND;
import static io.skystate.conformance.WorkflowFixtures.assertStatus;
import static io.skystate.conformance.WorkflowFixtures.awaitFinished;
import static io.skystate.conformance.WorkflowFixtures.constant;
import static io.skystate.conformance.WorkflowFixtures.function;
import static io.skystate.conformance.WorkflowFixtures.instanceId;
import static io.skystate.conformance.WorkflowFixtures.json;
import static io.skystate.conformance.WorkflowFixtures.member;
import static io.skystate.conformance.WorkflowFixtures.output;
import static io.skystate.conformance.WorkflowFixtures.workflowName;
import static org.assertj.core.api.Assertions.assertThat;

import io.skystate.api.Skystate;
import io.skystate.api.workflow.CatchRule;
import io.skystate.api.workflow.RetryRule;
import io.skystate.api.workflow.RunStatus;
import io.skystate.api.workflow.StepExecution;
import io.skystate.api.workflow.StepFailure;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.api.workflow.WorkflowErrors;
import io.skystate.api.workflow.WorkflowRun;
import io.skystate.api.workflow.Workflows;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Workflow failures: retries with backoff, catch rules, error naming, step and workflow timeouts, saga compensation. */
public class WorkflowErrorConformance extends ConformanceSuite {
    protected final Workflows workflows() {
        return skystate().workflows();
    }

    /** A handler that throws StepFailure(type, message) on its first {@code failures} calls, recording call times. */
    private String failing(int failures, List<Long> calls) {
        return function(skystate(), in -> {
            calls.add(System.currentTimeMillis());
            if (calls.size() <= failures) {
                throw new StepFailure("Flaky", "attempt " + calls.size());
            }
            return "ok after " + calls.size();
        });
    }

    /** Registers a one-task workflow (task {@code work}, then {@code next} steps added by {@code more}) and runs it. */
    private WorkflowRun runOne(String handler, Consumer<io.skystate.api.workflow.StepOptions.TaskOptions> options,
            Consumer<WorkflowDefinition.Builder> more) throws InterruptedException {
        WorkflowDefinition.Builder builder = WorkflowDefinition.builder(workflowName(), 1).startAt("work")
                .task("work", handler, t -> options.accept(t.resultPath("$.result")));
        more.accept(builder);
        WorkflowDefinition definition = workflows().register(builder.build());
        String id = instanceId();
        workflows().start(definition.name(), id, json("{\"order\":7}"));
        return awaitFinished(workflows(), id);
    }

    /**
     * A task whose handler fails twice and then succeeds, with a retry rule of 3 attempts on its error, succeeds with
     * the third result; its history entry reports 3 attempts.
     */
    @ConformanceRule
    public final void wferr01_retryThenSuccess() throws Exception {
        List<Long> calls = Collections.synchronizedList(new ArrayList<>());
        WorkflowRun run = runOne(failing(2, calls), t -> t.retry(RetryRule.on(List.of("Flaky"), 3, SECOND, 1.0)),
                b -> { });
        assertStatus(run, RunStatus.SUCCEEDED);
        JsonTree.assertSameJson(run.output().orElseThrow(), "{\"order\":7,\"result\":\"ok after 3\"}");
        assertThat(calls).hasSize(3);
        List<StepExecution> history = workflows().history(run.instanceId());
        assertThat(WorkflowFixtures.at(history, "work")).as("history %s", history).singleElement()
                .satisfies(e -> assertThat(e.attempts()).isEqualTo(3));
    }

    /**
     * Retry waits grow by backoffRate: with interval 1 s and rate 2 the second attempt starts at least 1 s after the
     * first and the third at least 3 s after the first (handler clocks). A shorter gap means the backoff is ignored.
     */
    @ConformanceRule
    public final void wferr02_retryBackoffLowerBound() throws Exception {
        List<Long> calls = Collections.synchronizedList(new ArrayList<>());
        WorkflowRun run = runOne(failing(2, calls), t -> t.retry(RetryRule.on(List.of("Flaky"), 3, SECOND, 2.0)),
                b -> { });
        assertStatus(run, RunStatus.SUCCEEDED);
        assertThat(calls).hasSize(3);
        assertThat(calls.get(1) - calls.get(0)).as("ms before attempt 2").isGreaterThanOrEqualTo(1000L);
        assertThat(calls.get(2) - calls.get(0)).as("ms from attempt 1 to attempt 3").isGreaterThanOrEqualTo(3000L);
    }

    /**
     * StepFailure("OutOfStock") is caught by the first catch rule naming OutOfStock (not by an earlier rule on another
     * error): {"error","cause"} lands at its resultPath, the rest of the data stays, and the run goes on at its next.
     */
    @ConformanceRule
    public final void wferr03_catchByErrorType() throws Exception {
        Skystate s = skystate();
        String outOfStock = function(s, in -> {
            throw new StepFailure("OutOfStock", "only 2 left");
        });
        String wrong = constant(s, "wrong catch");
        String handled = function(s, in -> "handled " + member(in, "error"));
        WorkflowRun run = runOne(outOfStock, t -> t
                .catching(new CatchRule(List.of("PaymentDeclined"), "$.declined", "wrong"))
                .catching(new CatchRule(List.of("OutOfStock"), "$.failure", "recover")), b -> b
                .task("wrong", wrong, t -> t.resultPath("$.wrong"))
                .task("recover", handled, t -> t.inputPath("$.failure").resultPath("$.recovered")));
        assertStatus(run, RunStatus.SUCCEEDED);
        JsonTree.assertSameJson(run.output().orElseThrow(), "{\"order\":7,\"failure\":{\"error\":\"OutOfStock\","
                + "\"cause\":\"only 2 left\"},\"recovered\":\"handled OutOfStock\"}");
    }

    /** A catch rule on another error does not apply: the run FAILS with the step's error and cause. */
    @ConformanceRule
    public final void wferr04_unmatchedCatchFails() throws Exception {
        Skystate s = skystate();
        String outOfStock = function(s, in -> {
            throw new StepFailure("OutOfStock", "none left");
        });
        AtomicInteger recovered = new AtomicInteger();
        String recover = function(s, in -> recovered.incrementAndGet());
        WorkflowRun run = runOne(outOfStock, t -> t.catching(new CatchRule(List.of("PaymentDeclined"), "$.e", "recover")),
                b -> b.task("recover", recover, t -> { }));
        assertStatus(run, RunStatus.FAILED);
        assertThat(run.error()).hasValue("OutOfStock");
        assertThat(run.cause()).hasValue("none left");
        assertThat(recovered).hasValue(0);
    }

    /**
     * A handler exception that nothing catches FAILS the run with error = the exception's fully qualified class name
     * and cause = its message; the history entry of the step is FAILED with the same error and cause; no output.
     */
    @ConformanceRule
    public final void wferr05_uncaughtExceptionFailsRun() throws Exception {
        String broken = function(skystate(), in -> {
            throw new IllegalStateException("ledger closed");
        });
        WorkflowRun run = runOne(broken, t -> { }, b -> { });
        assertStatus(run, RunStatus.FAILED);
        assertThat(run.error()).hasValue("java.lang.IllegalStateException");
        assertThat(run.cause()).hasValue("ledger closed");
        assertThat(run.output()).isEmpty();
        assertThat(run.endedAt()).isPresent();
        List<StepExecution> history = workflows().history(run.instanceId());
        assertThat(WorkflowFixtures.at(history, "work")).as("history %s", history).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(StepExecution.Outcome.FAILED);
            assertThat(e.error()).hasValue("java.lang.IllegalStateException");
            assertThat(e.cause()).hasValue("ledger closed");
        });
    }

    private String sleeper() {
        return function(skystate(), in -> {
            Poll.sleep(Duration.ofSeconds(5));
            return "too late";
        });
    }

    /** A task running past its 1 s step timeout fails with Skystate.Timeout well before the 5 s handler returns. */
    @ConformanceRule
    public final void wferr06_stepTimeout() throws Exception {
        long start = System.nanoTime();
        WorkflowRun run = runOne(sleeper(), t -> t.timeout(SECOND), b -> { });
        assertStatus(run, RunStatus.FAILED);
        assertThat(run.error()).hasValue(WorkflowErrors.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("time to fail").isLessThan(timing().bound(Duration.ofMillis(4500)));
    }

    /** A step timeout can be caught like any error: {"error":"Skystate.Timeout",...} lands at the catch's resultPath. */
    @ConformanceRule
    public final void wferr07_stepTimeoutCaught() throws Exception {
        WorkflowRun run = runOne(sleeper(), t -> t.timeout(SECOND)
                .catching(new CatchRule(List.of(WorkflowErrors.TIMEOUT), "$.timeout", "fallback")),
                b -> b.succeed("fallback"));
        assertStatus(run, RunStatus.SUCCEEDED);
        Object timeout = member(output(run), "timeout");
        assertThat(member(timeout, "error")).isEqualTo(WorkflowErrors.TIMEOUT);
        assertThat(member(timeout, "cause")).isInstanceOf(String.class);
    }

    /** A run past its 2 s workflow timeout (waiting 10 s) ends TIMED_OUT with error Skystate.Timeout within ~5 s. */
    @ConformanceRule
    public final void wferr08_workflowTimeout() throws Exception {
        WorkflowDefinition definition = workflows().register(WorkflowDefinition.builder(workflowName(), 1)
                .timeout(Duration.ofSeconds(2)).startAt("pause").waitFor("pause", Duration.ofSeconds(10), "done")
                .succeed("done").build());
        String id = instanceId();
        long start = System.nanoTime();
        workflows().start(definition.name(), id, json("{}"));
        WorkflowRun run = awaitFinished(workflows(), id);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertStatus(run, RunStatus.TIMED_OUT);
        assertThat(run.error()).hasValue(WorkflowErrors.TIMEOUT);
        assertThat(took).as("time to time out").isBetween(Duration.ofMillis(1900), timing().bound(Duration.ofSeconds(5)));
    }

    /**
     * Saga: when D fails after tasks A, B, C with compensations succeeded, the compensations run newest first (C, B,
     * A), each with the workflow data at the failure, before the run is reported FAILED with D's error; the history
     * holds one "compensation" entry per compensated step, in that order.
     */
    @ConformanceRule
    public final void wferr09_sagaCompensatesInReverse() throws Exception {
        Skystate s = skystate();
        List<String> undone = Collections.synchronizedList(new ArrayList<>());
        List<Object> undoInputs = Collections.synchronizedList(new ArrayList<>());
        WorkflowDefinition.Builder builder = WorkflowDefinition.builder(workflowName(), 1).startAt("A");
        for (String step : List.of("A", "B", "C")) {
            String undo = function(s, in -> {
                undone.add(step);
                undoInputs.add(WorkflowFixtures.tree(s, in));
                return "undone";
            });
            String next = step.equals("C") ? "D" : String.valueOf((char) (step.charAt(0) + 1));
            builder.task(step, constant(s, "did " + step), t -> t.resultPath("$." + step.toLowerCase())
                    .compensateWith(undo).next(next));
        }
        String fail = function(s, in -> {
            throw new StepFailure("Shipping.Failed", "truck broke down");
        });
        WorkflowDefinition definition = workflows().register(builder.task("D", fail, t -> { }).build());
        String id = instanceId();
        workflows().start(definition.name(), id, json("{\"order\":1}"));
        WorkflowRun run = assertStatus(awaitFinished(workflows(), id), RunStatus.FAILED);
        assertThat(undone).as("compensation order").containsExactly("C", "B", "A");
        assertThat(run.error()).hasValue("Shipping.Failed");
        assertThat(run.cause()).hasValue("truck broke down");
        Object expected = JsonTree.parse("{\"order\":1,\"a\":\"did A\",\"b\":\"did B\",\"c\":\"did C\"}");
        assertThat(undoInputs).as("compensation inputs").containsOnly(expected);
        List<StepExecution> history = workflows().history(id);
        assertThat(history.stream().filter(e -> e.kind().equals("compensation")).map(StepExecution::path).toList())
                .as("compensation entries in %s", history).containsExactly("C", "B", "A");
    }

    /** A Fail step ends the run FAILED with the step's error and cause. */
    @ConformanceRule
    public final void wferr10_failStep() throws Exception {
        WorkflowRun run = runOne(constant(skystate(), Map.of("checked", true)), t -> t.next("reject"),
                b -> b.fail("reject", "Order.Rejected", "blocked customer"));
        assertStatus(run, RunStatus.FAILED);
        assertThat(run.error()).hasValue("Order.Rejected");
        assertThat(run.cause()).hasValue("blocked customer");
    }
}
