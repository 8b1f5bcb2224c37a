package io.skystate.api.workflow;

import io.skystate.api.Arguments;
import java.time.Instant;
import java.util.Optional;

/**
 * One entry of a run's history: a step (by its {@code path}, e.g. {@code charge} or {@code fanout/1/work} inside
 * branch 1 of {@code fanout}), when it started and ended, how many attempts it took, and how it ended.
 * {@code kind} is the step's document type ({@code task}, {@code awaitCallback}, {@code awaitEvent}, {@code choice},
 * {@code parallel}, {@code wait}, {@code succeed}, {@code fail}); compensations appear as entries of kind
 * {@code compensation}. A step reached again (a loop, a {@linkplain Workflows#redrive redrive}) gets a new entry;
 * retries of one execution share its entry and count in {@code attempts}.
 */
public record StepExecution(String path, String kind, Outcome outcome, Instant startedAt, Optional<Instant> endedAt,
        int attempts, Optional<String> error, Optional<String> cause) {
    /** How a step execution ended (RUNNING while it has not). */
    public enum Outcome { RUNNING, SUCCEEDED, FAILED, CAUGHT, CANCELLED }

    public StepExecution {
        Arguments.notNull(path, "path");
        Arguments.notNull(kind, "kind");
        Arguments.notNull(outcome, "outcome");
    }
}
