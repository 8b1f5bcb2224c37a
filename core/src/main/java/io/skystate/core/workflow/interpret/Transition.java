package io.skystate.core.workflow.interpret;

import com.fasterxml.jackson.databind.JsonNode;
import io.skystate.api.workflow.StepExecution;
import java.time.Duration;
import java.util.Objects;

/**
 * What happens when a step ends. Engines apply it to their own state (rows, orchestrator variables) and record the
 * step's history entry as {@link #recordedAs()}; a {@link Retry} keeps the entry open.
 */
public sealed interface Transition {
    /** How the ended step appears in the history, or RUNNING for a retry (the entry stays open). */
    StepExecution.Outcome recordedAs();

    /** Where the run goes on after a step that did not end its scope. */
    sealed interface Onward extends Transition {
        /** The next step, in the same scope. */
        String step();

        /** The workflow data the next step starts with. */
        JsonNode data();
    }

    /** The step succeeded: go on at {@code step} (same scope) with {@code data}. */
    record Next(String step, JsonNode data) implements Onward {
        public Next {
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(data, "data");
        }

        @Override
        public StepExecution.Outcome recordedAs() {
            return StepExecution.Outcome.SUCCEEDED;
        }
    }

    /** A catch rule took the step's {@code error}: go on at {@code step} with {@code data} (the error written in). */
    record Caught(String step, JsonNode data, StepError error) implements Onward {
        public Caught {
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(data, "data");
            Objects.requireNonNull(error, "error");
        }

        @Override
        public StepExecution.Outcome recordedAs() {
            return StepExecution.Outcome.CAUGHT;
        }
    }

    /** The scope (the run, or a parallel branch) ends successfully with {@code data} as its output. */
    record End(JsonNode data) implements Transition {
        public End {
            Objects.requireNonNull(data, "data");
        }

        @Override
        public StepExecution.Outcome recordedAs() {
            return StepExecution.Outcome.SUCCEEDED;
        }
    }

    /**
     * Run the same step again after {@code delay}; with {@code fullJitter} the engine waits a random fraction of it
     * instead ({@link RetryDelays#withJitter}).
     */
    record Retry(Duration delay, boolean fullJitter, StepError error) implements Transition {
        public Retry {
            Objects.requireNonNull(delay, "delay");
            Objects.requireNonNull(error, "error");
        }

        @Override
        public StepExecution.Outcome recordedAs() {
            return StepExecution.Outcome.RUNNING;
        }
    }

    /**
     * The scope fails with {@code error}: a branch fails its parallel step (which then retries, catches or fails in
     * turn), the top level fails the run (compensating first). A {@linkplain StepError#fatal() fatal} error fails the
     * whole run at once, through every parallel step, without compensation.
     */
    record Failed(StepError error) implements Transition {
        public Failed {
            Objects.requireNonNull(error, "error");
        }

        @Override
        public StepExecution.Outcome recordedAs() {
            return StepExecution.Outcome.FAILED;
        }
    }
}
