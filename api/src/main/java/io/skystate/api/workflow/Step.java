package io.skystate.api.workflow;

import io.skystate.api.Arguments;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One step of a workflow. Steps read their input from the workflow's JSON document at {@code inputPath} and
 * write their result at {@code resultPath} ({@code $} replaces the document). {@code next} empty means the step
 * ends its workflow (or branch). These are the portable intersection of ASL states, Cloud Workflows steps and
 * Durable orchestrator code; the engine checks a definition with a {@code WorkflowValidator} before it runs.
 */
public sealed interface Step {
    String name();

    /**
     * The step's type as documents and histories name it: {@code task}, {@code awaitCallback}, {@code awaitEvent},
     * {@code choice}, {@code parallel}, {@code wait}, {@code succeed} or {@code fail} (see {@link StepExecution#kind()}).
     */
    default String kind() {
        String simple = getClass().getSimpleName();
        return Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
    }

    /**
     * Calls handler {@code handler} (at least once) with the data at {@code inputPath}; on success writes its output
     * at {@code resultPath}. {@code timeout} bounds one attempt. {@code compensation} names a handler that undoes
     * this step when the workflow later fails (saga); it receives the workflow data at the time of the failure.
     */
    record Task(String name, String handler, String inputPath, String resultPath, Optional<String> next,
            List<RetryRule> retry, List<CatchRule> catches, Optional<Duration> timeout,
            Optional<String> compensation) implements Step {
        public Task {
            Arguments.notNull(name, "name");
            Arguments.notNull(handler, "handler");
            Arguments.notNull(inputPath, "inputPath");
            Arguments.notNull(resultPath, "resultPath");
            retry = List.copyOf(retry);
            catches = List.copyOf(catches);
        }
    }

    /**
     * Creates a callback, calls {@code handler} with {@code {"token", "url", "input"}} (input = data at
     * {@code inputPath}) so it can hand the token to external work, then waits until the callback is completed
     * (result written at {@code resultPath}), failed (the sender's error), or times out ({@link WorkflowErrors#TIMEOUT})
     * after {@code timeout} or {@code heartbeat} without a heartbeat (whole seconds; the timeout at most 365 days).
     * ASL {@code .waitForTaskToken}; Workflows {@code events.await_callback}; Durable {@code waitForExternalEvent}.
     */
    record AwaitCallback(String name, String handler, String inputPath, String resultPath, Optional<String> next,
            Duration timeout, Optional<Duration> heartbeat, List<RetryRule> retry, List<CatchRule> catches)
            implements Step {
        public AwaitCallback {
            Arguments.notNull(name, "name");
            Arguments.notNull(handler, "handler");
            Arguments.notNull(timeout, "timeout");
            retry = List.copyOf(retry);
            catches = List.copyOf(catches);
        }
    }

    /**
     * Waits until an event named {@code event} is {@linkplain Workflows#signal signalled} to the run and writes its
     * payload at {@code resultPath}, or fails with {@link WorkflowErrors#TIMEOUT} (catchable) after {@code timeout}.
     * Events are kept from the moment the run starts: one signalled before the run reaches the step waits for it, and
     * each execution of the step consumes the oldest event of its name that no step consumed yet (FIFO, each event
     * at most once); events nobody consumes are dropped when the run ends. No retry rules: an event arrives or it
     * does not. Durable {@code waitForExternalEvent}; Step Functions and Cloud Workflows wait on a callback the
     * adapter resolves with the event. Event names are 1 to {@value Workflows#MAX_EVENT_NAME_LENGTH} of
     * {@code [A-Za-z0-9_.-]}; the timeout is whole seconds, from 1 s to 365 days (as an awaitCallback's). One event
     * name may not be awaited in two branches of one parallel step: which branch a signal reached would depend on
     * timing.
     */
    record AwaitEvent(String name, String event, String resultPath, Optional<String> next, Duration timeout,
            List<CatchRule> catches) implements Step {
        public AwaitEvent {
            Arguments.notNull(name, "name");
            Arguments.notNull(event, "event");
            Arguments.notNull(resultPath, "resultPath");
            Arguments.notNull(next, "next");
            Arguments.notNull(timeout, "timeout");
            catches = List.copyOf(catches);
        }
    }

    /** Goes to the {@code next} of the first rule whose condition holds, else to {@code otherwise}. */
    record Choice(String name, List<ChoiceRule> rules, Optional<String> otherwise) implements Step {
        public Choice {
            Arguments.notNull(name, "name");
            rules = List.copyOf(rules);
        }
    }

    /** One rule of a {@link Choice}. */
    record ChoiceRule(ChoiceCondition condition, String next) {
        public ChoiceRule {
            Arguments.notNull(condition, "condition");
            Arguments.notNull(next, "next");
        }
    }

    /**
     * Runs every branch on a copy of the step's input, concurrently; when all succeed writes the array of their
     * outputs, in branch order, at {@code resultPath}. The first branch failure fails the step (others are stopped).
     */
    record Parallel(String name, List<Branch> branches, String resultPath, Optional<String> next,
            List<RetryRule> retry, List<CatchRule> catches) implements Step {
        public Parallel {
            Arguments.notNull(name, "name");
            branches = List.copyOf(branches);
            Arguments.notNull(resultPath, "resultPath");
            retry = List.copyOf(retry);
            catches = List.copyOf(catches);
        }
    }

    /** A branch of a {@link Parallel} step: its own start step and steps (names are scoped to the branch). */
    record Branch(String startAt, Map<String, Step> steps) {
        public Branch {
            Arguments.notNull(startAt, "startAt");
            steps = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(steps));
        }
    }

    /**
     * Pauses for {@code duration}, or until the instant {@code until}, or until the ISO-8601 instant found at
     * {@code untilPath}; exactly one of the three is set.
     */
    record Wait(String name, Optional<Duration> duration, Optional<Instant> until, Optional<String> untilPath,
            Optional<String> next) implements Step {
        public Wait {
            Arguments.notNull(name, "name");
        }
    }

    /** Ends the workflow (or branch) successfully with the current data as output. */
    record Succeed(String name) implements Step {
        public Succeed {
            Arguments.notNull(name, "name");
        }
    }

    /** Ends the workflow (or branch) with an error; no catch applies, but saga compensation does. */
    record Fail(String name, String error, String cause) implements Step {
        public Fail {
            Arguments.notNull(name, "name");
            Arguments.notNull(error, "error");
            Arguments.notNull(cause, "cause");
        }
    }
}
