package io.skystate.core.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.skystate.api.Capabilities;
import io.skystate.api.Capability;
import io.skystate.api.WorkflowPortability;
import io.skystate.api.workflow.CatchRule;
import io.skystate.api.workflow.ChoiceCondition;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.api.workflow.WorkflowErrors;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the portable validator says about awaitEvent steps. */
class AwaitEventValidationTest {
    /** Events inside branches are an extra (Durable cannot run them): these tests judge the rules beyond that. */
    private static final Capabilities CAPABILITIES = new Capabilities("test",
            Set.of(Capability.WORKFLOW_EVENTS_IN_BRANCHES), 100, 400_000);
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private static List<String> problems(WorkflowDefinition definition) {
        return WorkflowValidator.problems(definition, handler -> true, CAPABILITIES, WorkflowPortability.ADAPTER_EXTRAS);
    }

    @Test
    void acceptsAnEventWithACaughtTimeout() {
        assertThat(problems(WorkflowDefinition.builder("ok", 1).startAt("wait")
                .awaitEvent("wait", "order.approved-1_x", MINUTE, o -> o.resultPath("$.approval").next("done")
                        .catching(new CatchRule(List.of(WorkflowErrors.TIMEOUT), "$.late", "done")))
                .succeed("done").build())).isEmpty();
    }

    @Test
    void rejectsBadNamesTimeoutsPathsAndTargets() {
        WorkflowDefinition definition = WorkflowDefinition.builder("bad", 1).startAt("a")
                .awaitEvent("a", "has space", MINUTE, o -> o.next("b"))
                .awaitEvent("b", "x".repeat(65), Duration.ofMillis(1500), o -> o.next("c"))
                .awaitEvent("c", "", Duration.ofDays(366), o -> o.next("d"))
                .awaitEvent("d", "\u00fc", Duration.ZERO, o -> o.resultPath("nope").next("missing")
                        .catching(new CatchRule(List.of(WorkflowErrors.DATA_ERROR), "$", "a")))
                .build();
        assertThat(problems(definition)).contains(
                "step 'a': event name 'has space' must match " + EventNames.SYNTAX.pattern(),
                "step 'b': event name '" + "x".repeat(65) + "' must match " + EventNames.SYNTAX.pattern(),
                "step 'b': timeout must be a whole number of seconds, at least 1: PT1.5S",
                "step 'c': event name '' must match " + EventNames.SYNTAX.pattern(),
                "step 'c': timeout must be at most 365 days (a run lasts at most a year on Step Functions): PT8784H",
                "step 'd': event name '\u00fc' must match " + EventNames.SYNTAX.pattern(),
                "step 'd': timeout must be a whole number of seconds, at least 1: PT0S",
                "step 'd': invalid path 'nope' (use $, $.field, $.list[0])",
                "step 'd': next 'missing' is not a step in the same scope");
        assertThat(problems(definition)).anyMatch(p -> p.startsWith("step 'd': a catch rule names Skystate.DataError"));
    }

    @Test
    void boundsCallbackTimeoutsLikeEventTimeouts() {
        assertThat(problems(WorkflowDefinition.builder("cb", 1).startAt("a")
                .awaitCallback("a", "h", Duration.ofDays(400), o -> { }).build()))
                .containsExactly("step 'a': timeout must be at most 365 days (a run lasts at most a year on Step"
                        + " Functions): PT9600H");
    }

    @Test
    void rejectsOneEventAwaitedInTwoBranchesAtAnyDepth() {
        WorkflowDefinition definition = WorkflowDefinition.builder("fan", 1).startAt("fan")
                .parallel("fan", p -> p
                        .branch(b -> b.startAt("w0").awaitEvent("w0", "go", MINUTE, o -> o.next("o0"))
                                .awaitEvent("o0", "own", MINUTE, o -> { }))
                        .branch(b -> b.startAt("inner").parallel("inner", q -> q
                                .branch(c -> c.startAt("w1").awaitEvent("w1", "go", MINUTE, o -> { }))
                                .branch(c -> c.startAt("t").task("t", "h", o -> { }))))
                        .branch(b -> b.startAt("w2").awaitEvent("w2", "go", MINUTE, o -> { })))
                .build();
        assertThat(problems(definition)).containsExactly("step 'fan': event 'go' is awaited in branches [0, 1, 2]: a"
                + " signal would reach whichever branch happened to wait first, so the outcome would depend on timing"
                + " and engines could not agree on it; give each branch its own event name");
    }

    @Test
    void oneBranchMayAwaitAnEventTwiceAndTheTopLevelMayShareItWithABranch() {
        assertThat(problems(WorkflowDefinition.builder("seq", 1).startAt("first")
                .awaitEvent("first", "go", MINUTE, o -> o.next("fan"))
                .parallel("fan", p -> p.branch(b -> b.startAt("a").awaitEvent("a", "go", MINUTE, o -> o.next("b"))
                        .awaitEvent("b", "go", MINUTE, o -> { })))
                .build())).isEmpty();
    }

    @Test
    void treatsAnEventLoopWithoutHandlersLikeAWaitLoop() {
        WorkflowDefinition definition = WorkflowDefinition.builder("loop", 1).startAt("wait")
                .awaitEvent("wait", "tick", MINUTE, o -> o.resultPath("$.tick").next("check"))
                .choice("check", c -> c.when(ChoiceCondition.isPresent("$.stop"), "done").otherwise("wait"))
                .succeed("done").build();
        assertThat(problems(definition)).containsExactly("steps [check, wait] form a loop that runs no task or callback"
                + " step: the data never changes, so once entered it never ends");
    }

    @Test
    void followsCatchTargetsForReachability() {
        assertThat(problems(WorkflowDefinition.builder("reach", 1).startAt("wait")
                .awaitEvent("wait", "go", MINUTE, o -> o.next("done")
                        .catching(new CatchRule(List.of(WorkflowErrors.TIMEOUT), "$.late", "late")))
                .succeed("done").fail("late", "Late", "no event").build())).isEmpty();
    }
}
