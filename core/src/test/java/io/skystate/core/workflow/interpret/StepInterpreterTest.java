package io.skystate.core.workflow.interpret;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skystate.api.workflow.CatchRule;
import io.skystate.api.workflow.ChoiceCondition;
import io.skystate.api.workflow.RetryRule;
import io.skystate.api.workflow.Step;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.api.workflow.WorkflowErrors;
import io.skystate.core.handler.HandlerRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepInterpreterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Step step(WorkflowDefinition.Builder builder, String name) {
        return builder.build().steps().get(name);
    }

    private static WorkflowDefinition.Builder flow() {
        return WorkflowDefinition.builder("wf", 1).startAt("a");
    }

    @Test
    void taskSelectsItsInputAndWritesItsResult() {
        Step task = step(flow().task("a", "h", t -> t.inputPath("$.order").resultPath("$.out").next("b"))
                .succeed("b"), "a");
        JsonNode data = json("{\"order\":{\"id\":7}}");
        assertThat(StepInterpreter.enter(task, "", data))
                .isEqualTo(new Plan.Invoke("h", json("{\"id\":7}"), HandlerRegistry.DEFAULT_TIMEOUT));
        assertThat(StepInterpreter.completed(task, data, json("\"ok\"")))
                .isEqualTo(new Transition.Next("b", json("{\"order\":{\"id\":7},\"out\":\"ok\"}")));
    }

    @Test
    void missingInputIsAFatalDataErrorThatNoRuleCatches() {
        Step task = step(flow().task("a", "h", t -> t.inputPath("$.missing")
                .retry(RetryRule.any(3, Duration.ofSeconds(1))).catching(CatchRule.any("$.e", "b"))).succeed("b"), "a");
        Plan plan = StepInterpreter.enter(task, "", json("{}"));
        assertThat(plan).isInstanceOfSatisfying(Plan.Decided.class, d -> assertThat(d.transition())
                .isInstanceOfSatisfying(Transition.Failed.class, f -> {
                    assertThat(f.error().error()).isEqualTo(WorkflowErrors.DATA_ERROR);
                    assertThat(f.error().fatal()).isTrue();
                }));
        assertThat(StepInterpreter.failed(task, json("{}"), StepError.dataError("x"), 1))
                .isEqualTo(new Transition.Failed(StepError.dataError("x")));
    }

    @Test
    void retriesWithBackoffThenCatchesWritingTheError() {
        RetryRule retry = RetryRule.on(List.of("Flaky"), 3, Duration.ofSeconds(2), 3.0);
        Step task = step(flow().task("a", "h", t -> t.retry(retry).catching(new CatchRule(List.of("Flaky"), "$.err", "b")))
                .succeed("b"), "a");
        JsonNode data = json("{\"x\":1}");
        StepError flaky = new StepError("Flaky", "boom");
        assertThat(StepInterpreter.failed(task, data, flaky, 1))
                .isEqualTo(new Transition.Retry(Duration.ofSeconds(2), false, flaky));
        assertThat(StepInterpreter.failed(task, data, flaky, 2))
                .isEqualTo(new Transition.Retry(Duration.ofSeconds(6), false, flaky));
        assertThat(StepInterpreter.failed(task, data, flaky, 3)).isEqualTo(new Transition.Caught("b",
                json("{\"x\":1,\"err\":{\"error\":\"Flaky\",\"cause\":\"boom\"}}"), flaky));
        assertThat(StepInterpreter.failed(task, data, new StepError("Other", "?"), 1))
                .isEqualTo(new Transition.Failed(new StepError("Other", "?")));
    }

    @Test
    void fullJitterIsFlaggedAndAppliedByTheEngine() {
        Step task = step(flow().task("a", "h", t -> t.retry(RetryRule.any(2, Duration.ofSeconds(4)).withJitter(1.0))), "a");
        Transition retry = StepInterpreter.failed(task, json("{}"), new StepError("E", ""), 1);
        assertThat(retry).isInstanceOfSatisfying(Transition.Retry.class, r -> assertThat(r.fullJitter()).isTrue());
        assertThat(RetryDelays.withJitter(Duration.ofSeconds(4), true, 0.25)).isEqualTo(Duration.ofSeconds(3));
        assertThat(RetryDelays.withJitter(Duration.ofSeconds(4), false, 0.25)).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void choiceTakesTheFirstRuleThatHoldsElseOtherwiseElseFails() {
        Step choice = step(flow().choice("a", c -> c.when(ChoiceCondition.numeric("$.n", ChoiceCondition.Operator.GT, 10), "big")
                .when(ChoiceCondition.numeric("$.n", ChoiceCondition.Operator.GT, 0), "small")).succeed("big").succeed("small"), "a");
        assertThat(decided(choice, "{\"n\":11}")).isEqualTo(new Transition.Next("big", json("{\"n\":11}")));
        assertThat(decided(choice, "{\"n\":3}")).isEqualTo(new Transition.Next("small", json("{\"n\":3}")));
        assertThat(decided(choice, "{\"n\":0}")).isInstanceOfSatisfying(Transition.Failed.class,
                f -> assertThat(f.error().error()).isEqualTo(WorkflowErrors.NO_CHOICE_MATCHED));
    }

    @Test
    void parallelForksEachBranchWithItsScopeAndJoinsInBranchOrder() {
        Step parallel = step(flow().parallel("a", p -> p.resultPath("$.r")
                .branch(b -> b.startAt("x").succeed("x")).branch(b -> b.startAt("y").succeed("y"))), "a");
        JsonNode data = json("{\"k\":1}");
        assertThat(StepInterpreter.enter(parallel, "outer/0/", data)).isEqualTo(new Plan.Fork(List.of(
                new Plan.BranchStart(0, "outer/0/a/0/", "x", data), new Plan.BranchStart(1, "outer/0/a/1/", "y", data))));
        JsonNode results = StepInterpreter.branchResults(List.of(json("1"), json("2")));
        assertThat(StepInterpreter.joined((Step.Parallel) parallel, data, results))
                .isEqualTo(new Transition.End(json("{\"k\":1,\"r\":[1,2]}")));
    }

    @Test
    void waitUntilPathNeedsAnInstant() {
        Step wait = step(flow().waitUntilPath("a", "$.at", "b").succeed("b"), "a");
        assertThat(StepInterpreter.enter(wait, "", json("{\"at\":\"2030-01-01T00:00:00Z\"}")))
                .isEqualTo(new Plan.Sleep(java.util.Optional.empty(), java.util.Optional.of(Instant.parse("2030-01-01T00:00:00Z"))));
        assertThat(decided(wait, "{\"at\":\"soon\"}")).isInstanceOfSatisfying(Transition.Failed.class,
                f -> assertThat(f.error().fatal()).isTrue());
        assertThat(StepInterpreter.waited((Step.Wait) wait, json("{}"))).isEqualTo(new Transition.Next("b", json("{}")));
    }

    @Test
    void failAndSucceedStepsDecideAtOnce() {
        assertThat(decided(step(flow().fail("a", "Bad", "why"), "a"), "{}"))
                .isEqualTo(new Transition.Failed(new StepError("Bad", "why")));
        assertThat(decided(step(flow().succeed("a"), "a"), "{\"v\":1}")).isEqualTo(new Transition.End(json("{\"v\":1}")));
    }

    @Test
    void awaitEventPlansItsEventAndWritesThePayloadAtItsResultPath() {
        Step await = step(flow().awaitEvent("a", "approved", Duration.ofMinutes(5), e -> e.resultPath("$.approval")
                .next("b")).succeed("b"), "a");
        JsonNode data = json("{\"order\":7}");
        assertThat(StepInterpreter.enter(await, "", data)).isEqualTo(new Plan.AwaitEvent("approved", Duration.ofMinutes(5)));
        assertThat(StepInterpreter.completed(await, data, json("{\"by\":\"ann\"}")))
                .isEqualTo(new Transition.Next("b", json("{\"order\":7,\"approval\":{\"by\":\"ann\"}}")));
    }

    @Test
    void awaitEventTimesOutIntoItsCatchRulesWithoutRetry() {
        Step caught = step(flow().awaitEvent("a", "go", Duration.ofSeconds(30), e -> e.next("b")
                .catching(new CatchRule(List.of(WorkflowErrors.TIMEOUT), "$.late", "c"))).succeed("b").succeed("c"), "a");
        Transition timedOut = StepInterpreter.eventTimedOut((Step.AwaitEvent) caught, json("{}"));
        assertThat(timedOut).isInstanceOfSatisfying(Transition.Caught.class, c -> {
            assertThat(c.step()).isEqualTo("c");
            assertThat(c.error().error()).isEqualTo(WorkflowErrors.TIMEOUT);
            assertThat(c.data().at("/late/cause").asText()).isEqualTo("no event 'go' arrived within PT30S");
        });
        Step uncaught = step(flow().awaitEvent("a", "go", Duration.ofSeconds(30), e -> { }), "a");
        assertThat(StepInterpreter.eventTimedOut((Step.AwaitEvent) uncaught, json("{}")))
                .isEqualTo(new Transition.Failed(new StepError(WorkflowErrors.TIMEOUT, "no event 'go' arrived within PT30S")));
    }

    @Test
    void aResultPathThroughAScalarIsAFatalDataError() {
        Step task = step(flow().task("a", "h", t -> t.resultPath("$.x.y")), "a");
        assertThat(StepInterpreter.completed(task, json("{\"x\":3}"), json("1")))
                .isInstanceOfSatisfying(Transition.Failed.class, f -> assertThat(f.error().fatal()).isTrue());
    }

    private static Transition decided(Step step, String data) {
        Plan plan = StepInterpreter.enter(step, "", json(data));
        assertThat(plan).isInstanceOf(Plan.Decided.class);
        return ((Plan.Decided) plan).transition();
    }
}
