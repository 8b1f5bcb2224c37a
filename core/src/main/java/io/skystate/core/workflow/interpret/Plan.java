package io.skystate.core.workflow.interpret;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What entering a step asks the engine to do. The engine carries it out (with its own I/O, clock and durability)
 * and reports back to the {@link StepInterpreter}: {@link Invoke} and {@link AwaitCallback} end with
 * {@code completed} or {@code failed}, {@link AwaitEvent} with {@code completed} (the event's payload) or
 * {@code eventTimedOut}, {@link Fork} with {@code joined} or {@code failed}, {@link Sleep} with {@code waited}; a
 * {@link Decided} step is already over.
 */
public sealed interface Plan {
    /**
     * Call {@code handler} (at least once) with {@code input}, which may hold claim-check references the engine
     * resolves first; one attempt is bounded by {@code timeout}.
     */
    record Invoke(String handler, JsonNode input, Duration timeout) implements Plan {
        public Invoke {
            Objects.requireNonNull(handler, "handler");
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(timeout, "timeout");
        }
    }

    /**
     * Create a callback (timeout, optional heartbeat), call {@code handler} with {@code {"token","url","input"}},
     * then wait for the callback to resolve: its result completes the step, its failure or timeout fails it.
     */
    record AwaitCallback(String handler, JsonNode input, Duration timeout, Optional<Duration> heartbeat)
            implements Plan {
        public AwaitCallback {
            Objects.requireNonNull(handler, "handler");
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(heartbeat, "heartbeat");
        }
    }

    /**
     * Wait up to {@code timeout} for the oldest event named {@code event} signalled to the run that no step consumed
     * yet (one signalled before the step was reached included), and consume it in the same durable step as the
     * transition it causes, so a crash neither loses nor repeats it.
     */
    record AwaitEvent(String event, Duration timeout) implements Plan {
        public AwaitEvent {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(timeout, "timeout");
        }
    }

    /** Run every branch concurrently, each from its start step on its own copy of {@code input}. */
    record Fork(List<BranchStart> branches) implements Plan {
        public Fork {
            branches = List.copyOf(branches);
        }
    }

    /** One branch of a {@link Fork}: its index, the history path prefix of its steps, and where it starts. */
    record BranchStart(int index, String scope, String startAt, JsonNode input) {
        public BranchStart {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(startAt, "startAt");
            Objects.requireNonNull(input, "input");
        }
    }

    /** Pause for {@code duration}, or until {@code until}: exactly one is present. */
    record Sleep(Optional<Duration> duration, Optional<Instant> until) implements Plan {
        public Sleep {
            if (duration.isPresent() == until.isPresent()) {
                throw new IllegalArgumentException("a sleep has a duration or an instant, not both or neither");
            }
        }

        /** When to wake, for a sleep that begins at {@code now}. */
        public Instant wakeAt(Instant now) {
            return duration.map(now::plus).orElseGet(until::get);
        }
    }

    /** The step needed no work: what happens next is already known. */
    record Decided(Transition transition) implements Plan {
        public Decided {
            Objects.requireNonNull(transition, "transition");
        }
    }
}
