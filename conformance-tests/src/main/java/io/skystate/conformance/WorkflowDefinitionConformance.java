package io.skystate.conformance;

import static io.skystate.conformance.WorkflowFixtures.SECOND;
import static io.skystate.conformance.WorkflowFixtures.awaitSucceeded;
import static io.skystate.conformance.WorkflowFixtures.constant;
import static io.skystate.conformance.WorkflowFixtures.function;
import static io.skystate.conformance.WorkflowFixtures.instanceId;
import static io.skystate.conformance.WorkflowFixtures.json;
import static io.skystate.conformance.WorkflowFixtures.member;
import static io.skystate.conformance.WorkflowFixtures.output;
import static io.skystate.conformance.WorkflowFixtures.take;
import static io.skystate.conformance.WorkflowFixtures.workflowName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.skystate.api.Skystate;
import io.skystate.api.workflow.CatchRule;
import io.skystate.api.workflow.ChoiceCondition;
import io.skystate.api.workflow.InvalidWorkflowException;
import io.skystate.api.workflow.RetryRule;
import io.skystate.api.workflow.RunStatus;
import io.skystate.api.workflow.StepExecution;
import io.skystate.api.workflow.StepExecution.Outcome;
import io.skystate.api.workflow.StepFailure;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.api.workflow.WorkflowRun;
import io.skystate.api.workflow.Workflows;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** Workflow definitions: validation at registration, versions, and the history a run leaves. */
public class WorkflowDefinitionConformance extends ConformanceSuite {
    protected final Workflows workflows() {
        return skystate().workflows();
    }

    /**
     * Registration validates the whole definition and reports every problem in one InvalidWorkflowException, each
     * naming its step: a sub-second retry interval, an unregistered handler, an invalid path {@code $..x}, a step
     * name used both in a parallel branch and at the top level, a next to an unknown step, an unreachable step.
     * Nothing is registered. On failure the message lists the problems that were reported.
     */
    @ConformanceRule
    public final void wfdef01_invalidDefinitionReportsEveryProblem() {
        String ok = constant(skystate(), 1);
        WorkflowDefinition bad = WorkflowDefinition.builder(workflowName(), 1).startAt("entry")
                .task("entry", ok, t -> t.next("first"))
                .task("first", ok, t -> t.retry(RetryRule.any(2, Duration.ofMillis(500))).next("second"))
                .task("second", unique("unregistered"), t -> t.next("third"))
                .task("third", ok, t -> t.inputPath("$..x").next("fan"))
                .parallel("fan", p -> p.next("dup").branch(b -> b.startAt("dup").task("dup", ok, t -> { })))
                .task("dup", ok, t -> t.next("jump"))
                .task("jump", ok, t -> t.next("nowhere"))
                .succeed("island")
                .build();
        InvalidWorkflowException e = catchThrowableOfType(() -> workflows().register(bad), InvalidWorkflowException.class);
        assertThat(e).as("register an invalid definition").isNotNull();
        List<String> problems = e.problems();
        assertThat(problems).as("problems reported").hasSizeGreaterThanOrEqualTo(6);
        for (String step : List.of("first", "second", "third", "dup", "jump", "island")) {
            assertThat(problems).as("a problem naming step '%s' in %s", step, problems)
                    .anySatisfy(p -> assertThat(p).contains(step));
        }
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("$..x"));
        assertThat(workflows().definition(bad.name(), Optional.empty())).as("nothing registered").isEmpty();
    }

    /**
     * Re-registering identical content is a no-op; definition() finds the latest and each version; start without a
     * version runs the latest, start with one runs that version (with its own steps).
     */
    @ConformanceRule
    public final void wfdef02_versionsAndLookup() throws Exception {
        String one = constant(skystate(), "v1");
        String two = constant(skystate(), "v2");
        String name = workflowName();
        WorkflowDefinition v1 = WorkflowDefinition.builder(name, 1).startAt("work")
                .task("work", one, t -> t.resultPath("$.by")).build();
        WorkflowDefinition v2 = WorkflowDefinition.builder(name, 2).startAt("work")
                .task("work", two, t -> t.resultPath("$.by")).build();
        assertThat(workflows().register(v1)).isEqualTo(v1);
        assertThat(workflows().register(v1)).as("identical re-registration").isEqualTo(v1);
        workflows().register(v2);
        assertThat(workflows().definition(name, Optional.empty())).hasValue(v2);
        assertThat(workflows().definition(name, Optional.of(1))).hasValue(v1);
        String latest = instanceId();
        String pinned = instanceId();
        assertThat(workflows().start(name, latest, json("{}")).version()).isEqualTo(2);
        assertThat(workflows().start(name, 1, pinned, json("{}")).version()).isEqualTo(1);
        JsonTree.assertSameJson(awaitSucceeded(workflows(), latest).output().orElseThrow(), "{\"by\":\"v2\"}");
        JsonTree.assertSameJson(awaitSucceeded(workflows(), pinned).output().orElseThrow(), "{\"by\":\"v1\"}");
    }

    /**
     * Registering version 2 while a version-1 run waits on a callback leaves that run on version 1: once completed
     * it runs v1's final task (v2's never runs) and reports version 1. New starts get version 2.
     */
    @ConformanceRule
    public final void wfdef03_runningInstanceKeepsItsVersion() throws Exception {
        Skystate s = skystate();
        BlockingQueue<String> tokens = new LinkedBlockingQueue<>();
        String capture = function(s, in -> {
            tokens.add((String) member(in, "token"));
            return "issued";
        });
        AtomicInteger v2Calls = new AtomicInteger();
        String v1Final = constant(s, "v1");
        String v2Final = function(s, in -> "v2:" + v2Calls.incrementAndGet());
        String name = workflowName();
        workflows().register(version(name, 1, capture, v1Final));
        String id = instanceId();
        workflows().start(name, id, json("{}"));
        String token = take(tokens, "the callback token of the v1 run");
        workflows().register(version(name, 2, capture, v2Final));
        workflows().completeCallback(token, json("{\"ok\":true}"));
        WorkflowRun run = awaitSucceeded(workflows(), id);
        assertThat(run.version()).isEqualTo(1);
        JsonTree.assertSameJson(run.output().orElseThrow(), "{\"approval\":{\"ok\":true},\"final\":\"v1\"}");
        String newer = instanceId();
        assertThat(workflows().start(name, newer, json("{}")).version()).isEqualTo(2);
        take(tokens, "the callback token of the v2 run");
        workflows().cancel(newer, "conformance: done");
        assertThat(v2Calls).as("v2's final task never ran").hasValue(0);
    }

    private static WorkflowDefinition version(String name, int version, String capture, String last) {
        return WorkflowDefinition.builder(name, version).startAt("approve")
                .awaitCallback("approve", capture, Duration.ofSeconds(60), c -> c.resultPath("$.approval").next("final"))
                .task("final", last, t -> t.resultPath("$.final")).build();
    }

    /**
     * history lists step executions in start order: paths (branch steps as {@code <parallel>/<i>/<step>}), kinds
     * ({@code task}, {@code choice}, {@code parallel}, {@code succeed}), attempts (2 for a retried task), start no
     * later than end, outcomes, and error and cause of a caught failure. Print the history to compare.
     */
    @ConformanceRule
    public final void wfdef04_historyRecordsEveryStep() throws Exception {
        Skystate s = skystate();
        AtomicInteger flakyCalls = new AtomicInteger();
        String flaky = function(s, in -> {
            if (flakyCalls.incrementAndGet() == 1) {
                throw new StepFailure("Flaky", "first attempt");
            }
            return "ok";
        });
        String a = constant(s, "a");
        String b = constant(s, "b");
        String boom = function(s, in -> {
            throw new StepFailure("Boom", "bad");
        });
        WorkflowDefinition definition = workflows().register(WorkflowDefinition.builder(workflowName(), 1)
                .startAt("h1")
                .task("h1", flaky, t -> t.retry(RetryRule.on(List.of("Flaky"), 2, SECOND, 1.0)).resultPath("$.h1")
                        .next("h2"))
                .choice("h2", c -> c.when(ChoiceCondition.isPresent("$.h1"), "h3").otherwise("h5"))
                .parallel("h3", p -> p.resultPath("$.h3").next("h4")
                        .branch(x -> x.startAt("h3a").task("h3a", a, t -> { }))
                        .branch(x -> x.startAt("h3b").task("h3b", b, t -> { })))
                .task("h4", boom, t -> t.catching(new CatchRule(List.of("Boom"), "$.caught", "h5")))
                .succeed("h5")
                .build());
        String id = instanceId();
        workflows().start(definition.name(), id, json("{}"));
        WorkflowRun run = awaitSucceeded(workflows(), id);
        assertThat(member(output(run), "caught")).isEqualTo(JsonTree.parse("{\"error\":\"Boom\",\"cause\":\"bad\"}"));
        List<StepExecution> history = workflows().history(id);
        List<String> paths = history.stream().map(StepExecution::path).toList();
        assertThat(paths).as("history %s", history).hasSize(7);
        assertThat(paths.subList(0, 3)).containsExactly("h1", "h2", "h3");
        assertThat(paths.subList(3, 5)).containsExactlyInAnyOrder("h3/0/h3a", "h3/1/h3b");
        assertThat(paths.subList(5, 7)).containsExactly("h4", "h5");
        assertThat(history.stream().map(StepExecution::kind).toList()).as("kinds in %s", history)
                .isEqualTo(List.of("task", "choice", "parallel", "task", "task", "task", "succeed"));
        for (int i = 0; i < history.size(); i++) {
            StepExecution e = history.get(i);
            assertThat(e.endedAt()).as("end of %s", e).hasValueSatisfying(end -> assertThat(end)
                    .isAfterOrEqualTo(e.startedAt()));
            if (i > 0) {
                assertThat(e.startedAt()).as("start order at %s", e).isAfterOrEqualTo(history.get(i - 1).startedAt());
            }
            if (!e.path().equals("h4")) {
                assertThat(e.outcome()).as("outcome of %s", e).isEqualTo(Outcome.SUCCEEDED);
                assertThat(e.error()).as("error of %s", e).isEmpty();
            }
        }
        StepExecution retried = history.get(0);
        assertThat(retried.attempts()).as("attempts of %s", retried).isEqualTo(2);
        StepExecution caught = history.get(5);
        assertThat(caught.outcome()).as("%s", caught).isEqualTo(Outcome.CAUGHT);
        assertThat(caught.attempts()).isEqualTo(1);
        assertThat(caught.error()).hasValue("Boom");
        assertThat(caught.cause()).hasValue("bad");
        assertThat(history.get(3).attempts()).isEqualTo(1);
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
    }

    /**
     * Building a definition without a start step raises InvalidWorkflowException saying to call startAt (not a
     * NullPointerException), before anything reaches the engine.
     */
    @ConformanceRule
    public final void wfdef05_missingStartIsATypedError() {
        InvalidWorkflowException e = catchThrowableOfType(() -> WorkflowDefinition.builder(workflowName(), 1)
                .succeed("done").build(), InvalidWorkflowException.class);
        assertThat(e).as("building without startAt").isNotNull();
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("startAt"));
    }
}
