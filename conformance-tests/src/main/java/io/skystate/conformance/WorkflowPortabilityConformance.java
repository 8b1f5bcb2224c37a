package io.skystate.conformance;

import static io.skystate.conformance.WorkflowFixtures.assertStatus;
import static io.skystate.conformance.WorkflowFixtures.awaitFinished;
import static io.skystate.conformance.WorkflowFixtures.constant;
import static io.skystate.conformance.WorkflowFixtures.function;
import static io.skystate.conformance.WorkflowFixtures.instanceId;
import static io.skystate.conformance.WorkflowFixtures.json;
import static io.skystate.conformance.WorkflowFixtures.workflowName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.skystate.api.workflow.CatchRule;
import io.skystate.api.workflow.ChoiceCondition;
import io.skystate.api.workflow.InvalidWorkflowException;
import io.skystate.api.workflow.RunStatus;
import io.skystate.api.workflow.StepOptions;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.api.workflow.WorkflowErrors;
import io.skystate.api.workflow.WorkflowRun;
import io.skystate.api.workflow.Workflows;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * What every adapter rejects because some supported cloud cannot run it, and the limits every engine enforces the
 * same way, so that "registers locally" means "registers everywhere". Adapters accept these constructs only when
 * the application opts into adapter extras; the suite runs with the default, portable setting.
 */
public class WorkflowPortabilityConformance extends ConformanceSuite {
    protected final Workflows workflows() {
        return skystate().workflows();
    }

    private List<String> rejected(WorkflowDefinition definition) {
        InvalidWorkflowException e = catchThrowableOfType(() -> workflows().register(definition),
                InvalidWorkflowException.class);
        assertThat(e).as("registering %s", definition.name()).isNotNull();
        assertThat(workflows().definition(definition.name(), Optional.empty())).as("nothing registered").isEmpty();
        return e.problems();
    }

    /** Tasks {@code a -> b -> a} with no way out are rejected (they would run until cancelled), naming both steps. */
    @ConformanceRule
    public final void wfport01_loopWithoutEndRejected() {
        String ok = constant(skystate(), 1);
        List<String> problems = rejected(WorkflowDefinition.builder(workflowName(), 1).startAt("a")
                .task("a", ok, t -> t.next("b")).task("b", ok, t -> t.next("a")).build());
        assertThat(problems).as("problems %s", problems)
                .anySatisfy(p -> assertThat(p).contains("a").contains("b").contains("never reach the end"));
    }

    /**
     * A loop of only choice and wait steps is rejected even when the choice could leave it: the data never changes
     * inside it, so once entered it never ends.
     */
    @ConformanceRule
    public final void wfport02_loopThatNeverChangesDataRejected() {
        String ok = constant(skystate(), 1);
        List<String> problems = rejected(WorkflowDefinition.builder(workflowName(), 1).startAt("work")
                .task("work", ok, t -> t.resultPath("$.x").next("check"))
                .choice("check", c -> c.when(ChoiceCondition.numeric("$.x", ChoiceCondition.Operator.EQ, 1), "pause")
                        .otherwise("done"))
                .waitFor("pause", Duration.ofSeconds(1), "check")
                .succeed("done").build());
        assertThat(problems).as("problems %s", problems)
                .anySatisfy(p -> assertThat(p).contains("check").contains("pause").contains("no task"));
    }

    /** A compensation on a task inside a parallel branch is rejected, naming AWS Step Functions. */
    @ConformanceRule
    public final void wfport03_compensationInBranchRejected() {
        String ok = constant(skystate(), 1);
        List<String> problems = rejected(WorkflowDefinition.builder(workflowName(), 1).startAt("fan")
                .parallel("fan", p -> p.branch(b -> b.startAt("pay").task("pay", ok, t -> t.compensateWith(ok))))
                .build());
        assertThat(problems).as("problems %s", problems)
                .anySatisfy(p -> assertThat(p).contains("pay").contains("AWS Step Functions"));
    }

    /** A parallel step of 11 branches is rejected, naming Google Cloud Workflows (at most 10). */
    @ConformanceRule
    public final void wfport04_wideParallelRejected() {
        String ok = constant(skystate(), 1);
        List<String> problems = rejected(WorkflowDefinition.builder(workflowName(), 1).startAt("fan")
                .parallel("fan", p -> {
                    for (int i = 0; i < 11; i++) {
                        String name = "b" + i;
                        p.branch(b -> b.startAt(name).task(name, ok, t -> { }));
                    }
                }).build());
        assertThat(problems).as("problems %s", problems)
                .anySatisfy(p -> assertThat(p).contains("fan").contains("11 branches").contains("Google Cloud Workflows"));
    }

    /** An awaitEvent step inside a parallel branch is rejected, naming Azure Durable Functions. */
    @ConformanceRule
    public final void wfport08_eventInBranchRejected() {
        String ok = constant(skystate(), 1);
        List<String> problems = rejected(WorkflowDefinition.builder(workflowName(), 1).startAt("fan")
                .parallel("fan", p -> p.branch(b -> b.startAt("hold")
                        .awaitEvent("hold", "go", Duration.ofMinutes(1), e -> { }))
                        .branch(b -> b.startAt("work").task("work", ok, t -> { })))
                .build());
        assertThat(problems).as("problems %s", problems)
                .anySatisfy(p -> assertThat(p).contains("hold").contains("awaitEvent").contains("Azure Durable Functions"));
    }

    /** Parallel steps nested three deep are rejected, naming Google Cloud Workflows (at most two). */
    @ConformanceRule
    public final void wfport05_deepParallelRejected() {
        String ok = constant(skystate(), 1);
        Consumer<StepOptions.ParallelOptions> innermost = p -> p.branch(b -> b.startAt("leaf").task("leaf", ok, t -> { }));
        Consumer<StepOptions.ParallelOptions> middle = p -> p.branch(b -> b.startAt("inner").parallel("inner", innermost));
        List<String> problems = rejected(WorkflowDefinition.builder(workflowName(), 1).startAt("outer")
                .parallel("outer", p -> p.branch(b -> b.startAt("middle").parallel("middle", middle))).build());
        assertThat(problems).as("problems %s", problems)
                .anySatisfy(p -> assertThat(p).contains("inner").contains("Google Cloud Workflows"));
    }

    /**
     * Path errors are fatal everywhere, as Step Functions' runtime errors are: a rule naming Skystate.DataError is
     * rejected, and at run time an input path that selects nothing FAILS the run with Skystate.DataError although
     * the step catches everything, without running the compensation of the task before it.
     */
    @ConformanceRule
    public final void wfport06_dataErrorsAreFatal() throws Exception {
        String ok = constant(skystate(), 1);
        List<String> problems = rejected(WorkflowDefinition.builder(workflowName(), 1).startAt("a")
                .task("a", ok, t -> t.catching(new CatchRule(List.of(WorkflowErrors.DATA_ERROR), "$.e", "b")))
                .succeed("b").build());
        assertThat(problems).as("problems %s", problems).anySatisfy(p -> assertThat(p).contains(WorkflowErrors.DATA_ERROR));

        AtomicInteger compensations = new AtomicInteger();
        String undo = function(skystate(), in -> compensations.incrementAndGet());
        WorkflowDefinition definition = workflows().register(WorkflowDefinition.builder(workflowName(), 1)
                .startAt("pay").task("pay", ok, t -> t.resultPath("$.paid").compensateWith(undo).next("ship"))
                .task("ship", ok, t -> t.inputPath("$.missing").catching(CatchRule.any("$.error", "recovered")))
                .succeed("recovered").build());
        String id = instanceId();
        workflows().start(definition.name(), id, json("{}"));
        WorkflowRun run = assertStatus(awaitFinished(workflows(), id), RunStatus.FAILED);
        assertThat(run.error()).contains(WorkflowErrors.DATA_ERROR);
        assertThat(compensations).as("compensations run after a fatal error").hasValue(0);
    }

    /**
     * A run may make at most {@link Workflows#MAX_STEP_ATTEMPTS} step attempts: a loop whose exit is never taken
     * FAILS with Skystate.TransitionLimitExceeded after exactly that many task attempts, on every adapter.
     */
    @ConformanceRule
    public final void wfport07_stepAttemptCapEndsRun() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        String count = function(skystate(), in -> calls.incrementAndGet());
        WorkflowDefinition definition = workflows().register(WorkflowDefinition.builder(workflowName(), 1)
                .startAt("count").task("count", count, t -> t.resultPath("$.n").next("check"))
                .choice("check", c -> c.when(ChoiceCondition.numeric("$.n", ChoiceCondition.Operator.LT, 0), "done")
                        .otherwise("count"))
                .succeed("done").build());
        String id = instanceId();
        workflows().start(definition.name(), id, json("{}"));
        WorkflowRun run = assertStatus(workflows().await(id, timing().runAwait().multipliedBy(3)), RunStatus.FAILED);
        assertThat(run.error()).contains(WorkflowErrors.TRANSITION_LIMIT);
        assertThat(calls).as("task attempts before the cap").hasValue(Workflows.MAX_STEP_ATTEMPTS);
    }
}
