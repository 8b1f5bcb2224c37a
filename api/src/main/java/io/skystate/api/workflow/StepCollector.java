package io.skystate.api.workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The fluent step vocabulary shared by {@link WorkflowDefinition.Builder} and parallel branches. A step added
 * twice under one name keeps the last; the validator reports duplicates found in documents. Not thread-safe.
 */
public abstract class StepCollector<B extends StepCollector<B>> {
    String startAt;
    final Map<String, Step> steps = new LinkedHashMap<>();

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    public B startAt(String stepName) {
        this.startAt = stepName;
        return self();
    }

    /** Adds a ready-made step. */
    public B step(Step step) {
        steps.put(step.name(), step);
        return self();
    }

    public B task(String name, String handler, Consumer<StepOptions.TaskOptions> options) {
        StepOptions.TaskOptions o = new StepOptions.TaskOptions();
        options.accept(o);
        return step(new Step.Task(name, handler, o.inputPath, o.resultPath, Optional.ofNullable(o.next), o.retry,
                o.catches, Optional.ofNullable(o.timeout), Optional.ofNullable(o.compensation)));
    }

    public B awaitCallback(String name, String handler, Duration timeout,
            Consumer<StepOptions.CallbackOptions> options) {
        StepOptions.CallbackOptions o = new StepOptions.CallbackOptions();
        options.accept(o);
        return step(new Step.AwaitCallback(name, handler, o.inputPath, o.resultPath, Optional.ofNullable(o.next),
                timeout, Optional.ofNullable(o.heartbeat), o.retry, o.catches));
    }

    /** Waits up to {@code timeout} for the event {@code event} (see {@link Step.AwaitEvent}). */
    public B awaitEvent(String name, String event, Duration timeout, Consumer<StepOptions.EventOptions> options) {
        StepOptions.EventOptions o = new StepOptions.EventOptions();
        options.accept(o);
        return step(new Step.AwaitEvent(name, event, o.resultPath, Optional.ofNullable(o.next), timeout, o.catches));
    }

    public B choice(String name, Consumer<StepOptions.ChoiceOptions> options) {
        StepOptions.ChoiceOptions o = new StepOptions.ChoiceOptions();
        options.accept(o);
        return step(new Step.Choice(name, o.rules, Optional.ofNullable(o.otherwise)));
    }

    public B parallel(String name, Consumer<StepOptions.ParallelOptions> options) {
        StepOptions.ParallelOptions o = new StepOptions.ParallelOptions();
        options.accept(o);
        return step(new Step.Parallel(name, o.branches, o.resultPath, Optional.ofNullable(o.next), o.retry, o.catches));
    }

    /** Pauses for {@code duration}; {@code next} null ends the workflow. */
    public B waitFor(String name, Duration duration, String next) {
        return step(new Step.Wait(name, Optional.of(duration), Optional.empty(), Optional.empty(), Optional.ofNullable(next)));
    }

    public B waitUntil(String name, Instant until, String next) {
        return step(new Step.Wait(name, Optional.empty(), Optional.of(until), Optional.empty(), Optional.ofNullable(next)));
    }

    public B waitUntilPath(String name, String untilPath, String next) {
        return step(new Step.Wait(name, Optional.empty(), Optional.empty(), Optional.of(untilPath), Optional.ofNullable(next)));
    }

    public B succeed(String name) {
        return step(new Step.Succeed(name));
    }

    public B fail(String name, String error, String cause) {
        return step(new Step.Fail(name, error, cause));
    }

    /** A branch of a parallel step. */
    public static final class BranchBuilder extends StepCollector<BranchBuilder> {
        Step.Branch build() {
            return new Step.Branch(startAt, steps);
        }
    }
}
