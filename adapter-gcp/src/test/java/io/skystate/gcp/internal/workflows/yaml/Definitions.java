package io.skystate.gcp.internal.workflows.yaml;

import io.skystate.api.workflow.CatchRule;
import io.skystate.api.workflow.ChoiceCondition;
import io.skystate.api.workflow.RetryRule;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.api.workflow.WorkflowErrors;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Definitions that use every construct, for the compiler tests. */
final class Definitions {
    private Definitions() {
    }

    /** Every step kind, retries (one with jitter), catches, a compensation, nested parallel steps, all path forms. */
    static WorkflowDefinition everything() {
        return WorkflowDefinition.builder("everything", 3).startAt("reserve")
                .timeout(Duration.ofMinutes(5))
                .task("reserve", "reserve", t -> t.inputPath("$.order").resultPath("$.reserved.id")
                        .retry(RetryRule.on(List.of("Busy"), 3, Duration.ofSeconds(1), 2.0).withMaxInterval(Duration.ofSeconds(3)))
                        .retry(RetryRule.any(2, Duration.ofSeconds(2)).withJitter(1.0))
                        .catching(new CatchRule(List.of("OutOfStock"), "$.problem", "declined"))
                        .compensateWith("release").timeout(Duration.ofSeconds(20)).next("approve"))
                .awaitCallback("approve", "ask", Duration.ofSeconds(60), c -> c.heartbeat(Duration.ofSeconds(10))
                        .inputPath("$.items[0]").resultPath("$.approval").next("route")
                        .catching(CatchRule.any("$.problem", "declined")))
                .choice("route", c -> c
                        .when(ChoiceCondition.and(ChoiceCondition.stringEquals("$.approval.by", "boss"),
                                ChoiceCondition.not(ChoiceCondition.isPresent("$.veto"))), "fan")
                        .when(ChoiceCondition.numeric("$.total", ChoiceCondition.Operator.GE, 10.5), "pause")
                        .when(ChoiceCondition.booleanEquals("$.rush", true), "fan"))
                .parallel("fan", p -> p.resultPath("$.fan").next("pause")
                        .retry(RetryRule.on(List.of("Branch.Broke"), 2, Duration.ofSeconds(1), 1.0))
                        .catching(new CatchRule(List.of(WorkflowErrors.ALL), "$.fanFailed", "declined"))
                        .branch(b -> b.startAt("left").task("left", "left", t -> t.resultPath("$.l")))
                        .branch(b -> b.startAt("inner").parallel("inner", q -> q.resultPath("$")
                                .branch(x -> x.startAt("deep").task("deep", "deep", t -> { }))
                                .branch(x -> x.startAt("done").succeed("done")))))
                .waitFor("pause", Duration.ofSeconds(1), "until")
                .waitUntil("until", Instant.parse("2020-01-01T00:00:00Z"), "untilPath")
                .waitUntilPath("untilPath", "$.at", "ship")
                .task("ship", "ship", t -> t.resultPath("$")).fail("declined", "Order.Declined", "no ${luck} \"here\"")
                .build();
    }
}
