package io.skystate.conformance;

import static io.skystate.conformance.WorkflowFixtures.SECOND;
import static io.skystate.conformance.WorkflowFixtures.assertStatus;
import static io.skystate.conformance.WorkflowFixtures.awaitFinished;
import static io.skystate.conformance.WorkflowFixtures.constant;
import static io.skystate.conformance.WorkflowFixtures.function;
import static io.skystate.conformance.WorkflowFixtures.instanceId;
import static io.skystate.conformance.WorkflowFixtures.json;
import static io.skystate.conformance.WorkflowFixtures.workflowName;
import static org.assertj.core.api.Assertions.assertThat;

import io.skystate.api.Skystate;
import io.skystate.api.workflow.CatchRule;
import io.skystate.api.workflow.ChoiceCondition;
import io.skystate.api.workflow.RetryRule;
import io.skystate.api.workflow.RunStatus;
import io.skystate.api.workflow.StepExecution;
import io.skystate.api.workflow.StepFailure;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.api.workflow.WorkflowErrors;
import io.skystate.api.workflow.Workflows;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The history of the same run reads the same on every adapter, step by step: each rule runs one scenario and
 * compares the whole history, as {@code path kind outcome attempts error} lines in start order, with the one every
 * engine must produce. A failure prints both lists: look at the first line that differs.
 */
public class WorkflowHistoryConformance extends ConformanceSuite {
    protected final Workflows workflows() {
        return skystate().workflows();
    }

    private List<String> historyOf(WorkflowDefinition definition, String input, RunStatus expected) throws Exception {
        String id = instanceId();
        workflows().start(definition.name(), id, json(input));
        assertStatus(awaitFinished(workflows(), id), expected);
        return lines(workflows().history(id));
    }

    private static List<String> lines(List<StepExecution> history) {
        return history.stream().map(e -> e.path() + " " + e.kind() + " " + e.outcome() + " " + e.attempts()
                + e.error().map(err -> " " + err).orElse("")).toList();
    }

    private String failing(String error) {
        return function(skystate(), in -> {
            throw new StepFailure(error, "failed on purpose");
        });
    }

    /**
     * A saga whose last task fails with no catch rule: the failing step is FAILED (not CAUGHT, even where the
     * engine implements compensation with a catcher), followed by one compensation entry per compensated step,
     * newest first.
     */
    @ConformanceRule
    public final void wfhist01_sagaFailure() throws Exception {
        Skystate s = skystate();
        String undo = constant(s, "undone");
        WorkflowDefinition definition = workflows().register(WorkflowDefinition.builder(workflowName(), 1)
                .startAt("reserve")
                .task("reserve", constant(s, "r"), t -> t.resultPath("$.r").compensateWith(undo).next("pay"))
                .task("pay", constant(s, "p"), t -> t.resultPath("$.p").compensateWith(undo).next("ship"))
                .task("ship", failing("Shipping.Failed"), t -> { }).build());
        assertThat(historyOf(definition, "{}", RunStatus.FAILED)).containsExactly(
                "reserve task SUCCEEDED 1", "pay task SUCCEEDED 1", "ship task FAILED 1 Shipping.Failed",
                "pay compensation SUCCEEDED 1", "reserve compensation SUCCEEDED 1");
    }

    /** A run cancelled while a task runs: the open step is CANCELLED, never left RUNNING. */
    @ConformanceRule
    public final void wfhist02_cancelMidStep() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        String slow = function(skystate(), in -> {
            started.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "late";
        });
        WorkflowDefinition definition = workflows().register(WorkflowDefinition.builder(workflowName(), 1)
                .startAt("first").task("first", constant(skystate(), 1), t -> t.resultPath("$.first").next("slow"))
                .task("slow", slow, t -> t.timeout(Duration.ofSeconds(60))).build());
        String id = instanceId();
        workflows().start(definition.name(), id, json("{}"));
        assertThat(started.await(timing().runAwait().toMillis(), TimeUnit.MILLISECONDS)).as("slow task started").isTrue();
        workflows().cancel(id, "conformance: stop");
        assertStatus(awaitFinished(workflows(), id), RunStatus.CANCELLED);
        release.countDown();
        assertThat(lines(workflows().history(id))).containsExactly("first task SUCCEEDED 1", "slow task CANCELLED 1");
    }

    /**
     * Retries, a choice, and a parallel step whose only branch fails and is caught at the parallel step: the retried
     * task shows its attempts, the branch step is FAILED, the parallel step CAUGHT with the branch's error.
     */
    @ConformanceRule
    public final void wfhist03_retriesChoicesAndCaughtBranch() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        String flaky = function(skystate(), in -> {
            if (calls.incrementAndGet() < 3) {
                throw new StepFailure("Flaky", "attempt " + calls.get());
            }
            return "ok";
        });
        WorkflowDefinition definition = workflows().register(WorkflowDefinition.builder(workflowName(), 1)
                .startAt("fetch")
                .task("fetch", flaky, t -> t.retry(RetryRule.on(List.of("Flaky"), 3, SECOND, 1.0))
                        .resultPath("$.fetched").next("route"))
                .choice("route", c -> c.when(ChoiceCondition.stringEquals("$.fetched", "ok"), "fan").otherwise("done"))
                .parallel("fan", p -> p.resultPath("$.fan").next("done")
                        .catching(new CatchRule(List.of("Branch.Broke"), "$.broke", "done"))
                        .branch(b -> b.startAt("work").task("work", failing("Branch.Broke"), t -> { })))
                .succeed("done").build());
        assertThat(historyOf(definition, "{}", RunStatus.SUCCEEDED)).containsExactly(
                "fetch task SUCCEEDED 3", "route choice SUCCEEDED 1", "fan parallel CAUGHT 1 Branch.Broke",
                "fan/0/work task FAILED 1 Branch.Broke", "done succeed SUCCEEDED 1");
    }

    /** A callback step that times out and is caught: CAUGHT with Skystate.Timeout. */
    @ConformanceRule
    public final void wfhist04_callbackTimeoutCaught() throws Exception {
        WorkflowDefinition definition = workflows().register(WorkflowDefinition.builder(workflowName(), 1)
                .startAt("approve")
                .awaitCallback("approve", constant(skystate(), "asked"), SECOND,
                        c -> c.catching(new CatchRule(List.of(WorkflowErrors.TIMEOUT), "$.late", "gaveUp")))
                .succeed("gaveUp").build());
        assertThat(historyOf(definition, "{}", RunStatus.SUCCEEDED)).containsExactly(
                "approve awaitCallback CAUGHT 1 " + WorkflowErrors.TIMEOUT, "gaveUp succeed SUCCEEDED 1");
    }

    /** A choice no rule of which holds, without otherwise: FAILED with Skystate.NoChoiceMatched, like the run. */
    @ConformanceRule
    public final void wfhist05_noChoiceMatched() throws Exception {
        WorkflowDefinition definition = workflows().register(WorkflowDefinition.builder(workflowName(), 1)
                .startAt("route").choice("route", c -> c.when(ChoiceCondition.isPresent("$.missing"), "done"))
                .succeed("done").build());
        assertThat(historyOf(definition, "{}", RunStatus.FAILED))
                .containsExactly("route choice FAILED 1 " + WorkflowErrors.NO_CHOICE_MATCHED);
    }
}
