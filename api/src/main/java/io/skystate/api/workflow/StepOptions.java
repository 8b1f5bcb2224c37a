package io.skystate.api.workflow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Option holders for the fluent {@link StepCollector} methods. Defaults: input and result path {@code $}, no next. */
public final class StepOptions {
    private StepOptions() {
    }

    /** Options shared by steps that run something and can fail. */
    public abstract static class Common<O extends Common<O>> {
        String inputPath = "$";
        String resultPath = "$";
        String next;
        final List<RetryRule> retry = new ArrayList<>();
        final List<CatchRule> catches = new ArrayList<>();

        @SuppressWarnings("unchecked")
        private O self() {
            return (O) this;
        }

        public O inputPath(String path) {
            this.inputPath = path;
            return self();
        }

        public O resultPath(String path) {
            this.resultPath = path;
            return self();
        }

        public O next(String stepName) {
            this.next = stepName;
            return self();
        }

        public O retry(RetryRule rule) {
            retry.add(rule);
            return self();
        }

        public O catching(CatchRule rule) {
            catches.add(rule);
            return self();
        }
    }

    public static final class TaskOptions extends Common<TaskOptions> {
        Duration timeout;
        String compensation;

        public TaskOptions timeout(Duration perAttempt) {
            this.timeout = perAttempt;
            return this;
        }

        /** The handler that undoes this task if the workflow fails later. */
        public TaskOptions compensateWith(String handler) {
            this.compensation = handler;
            return this;
        }
    }

    public static final class CallbackOptions extends Common<CallbackOptions> {
        Duration heartbeat;

        public CallbackOptions heartbeat(Duration interval) {
            this.heartbeat = interval;
            return this;
        }
    }

    public static final class ChoiceOptions {
        final List<Step.ChoiceRule> rules = new ArrayList<>();
        String otherwise;

        public ChoiceOptions when(ChoiceCondition condition, String next) {
            rules.add(new Step.ChoiceRule(condition, next));
            return this;
        }

        public ChoiceOptions otherwise(String next) {
            this.otherwise = next;
            return this;
        }
    }

    public static final class ParallelOptions extends Common<ParallelOptions> {
        final List<Step.Branch> branches = new ArrayList<>();

        public ParallelOptions branch(Consumer<StepCollector.BranchBuilder> branch) {
            StepCollector.BranchBuilder builder = new StepCollector.BranchBuilder();
            branch.accept(builder);
            branches.add(builder.build());
            return this;
        }
    }

    /** Options of an {@code awaitEvent} step: where the event's payload goes, the next step, catch rules. */
    public static final class EventOptions {
        String resultPath = "$";
        String next;
        final List<CatchRule> catches = new ArrayList<>();

        public EventOptions resultPath(String path) {
            this.resultPath = path;
            return this;
        }

        public EventOptions next(String stepName) {
            this.next = stepName;
            return this;
        }

        /** Typically of {@link WorkflowErrors#TIMEOUT}: what to do when no event came in time. */
        public EventOptions catching(CatchRule rule) {
            catches.add(rule);
            return this;
        }
    }
}
