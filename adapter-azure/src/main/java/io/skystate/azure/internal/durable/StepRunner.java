package io.skystate.azure.internal.durable;

import com.fasterxml.jackson.databind.JsonNode;
import io.skystate.api.workflow.Step;
import io.skystate.api.workflow.StepExecution.Outcome;
import io.skystate.api.workflow.WorkflowErrors;
import io.skystate.api.workflow.Workflows;
import io.skystate.core.workflow.interpret.Plan;
import io.skystate.core.workflow.interpret.RetryDelays;
import io.skystate.core.workflow.interpret.StepError;
import io.skystate.core.workflow.interpret.StepInterpreter;
import io.skystate.core.workflow.interpret.Transition;
import io.skystate.core.workflow.ops.InvocationIds;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Runs one step to its end inside the orchestrator, as core's {@link StepInterpreter} plans it: opens its history
 * entry, makes attempts (each counted against {@link Workflows#MAX_STEP_ATTEMPTS} for task and callback steps),
 * waits out retry back-offs on durable timers (jitter derived from run, path and attempt, so replays wait the same),
 * and closes the entry as the final transition says. Never returns a {@link Transition.Retry}. A task or
 * awaitCallback execution takes its {@link InvocationIds invocation id} once, on entry, with the orchestration's
 * replay-safe {@code newUUID()} as execution marker: the same on every replay and for every attempt of the
 * execution, new for a loop's next visit, another branch instance or a redriven generation. Deterministic.
 */
final class StepRunner {
    private final Walk walk;

    StepRunner(Walk walk) {
        this.walk = walk;
    }

    Transition run(Step step, JsonNode data) {
        String path = walk.scope() + step.name();
        HistoryLog log = walk.log();
        int entry = log.open(path, step.kind(), walk.now());
        Plan plan = StepInterpreter.enter(step, walk.scope(), data);
        if (plan instanceof Plan.Decided decided) {
            log.attempts(entry, 1);
            return close(entry, decided.transition());
        }
        if (plan instanceof Plan.Sleep sleep) {
            log.attempts(entry, 1);
            StepCalls.sleepUntil(walk, sleep.wakeAt(walk.now()));
            return close(entry, StepInterpreter.waited((Step.Wait) step, data));
        }
        boolean counted = plan instanceof Plan.Invoke || plan instanceof Plan.AwaitCallback;
        String invocation = plan instanceof Plan.Invoke || plan instanceof Plan.AwaitCallback
                ? InvocationIds.step(walk.runId(), path, walk.ctx().newUUID().toString()) : null;
        for (int attempt = 1; ; attempt++) {
            if (counted && walk.outOfAttempts()) {
                return close(entry, new Transition.Failed(new StepError(WorkflowErrors.TRANSITION_LIMIT, "the run made "
                        + Workflows.MAX_STEP_ATTEMPTS + " step attempts, the most a run may make")));
            }
            if (counted) {
                walk.useAttempt();
            }
            log.attempts(entry, attempt);
            Attempt result = attempt(step, plan, path, attempt, entry, invocation);
            Transition next = result.succeeded() ? succeeded(step, data, result)
                    : StepInterpreter.failed(step, data, result.error(), attempt);
            if (next instanceof Transition.Retry retry) {
                StepCalls.pause(walk, RetryDelays.withJitter(retry.delay(), retry.fullJitter(),
                        unitRandom(walk.runId() + "/" + path + "/" + attempt)));
                continue;
            }
            return close(entry, next);
        }
    }

    private Attempt attempt(Step step, Plan plan, String path, int attempt, int entry, String invocation) {
        if (plan instanceof Plan.Invoke invoke) {
            Step.Task task = (Step.Task) step;
            Attempt result = StepCalls.task(walk, invoke, task.timeout(), path, attempt, invocation);
            if (result.succeeded() && task.compensation().isPresent()) {
                walk.log().addCompensation(path, task.compensation().get());
            }
            return result;
        }
        if (plan instanceof Plan.AwaitCallback await) {
            return StepCalls.callback(walk, await, path, attempt, invocation);
        }
        if (plan instanceof Plan.AwaitEvent await) {
            return StepCalls.event(walk, await);
        }
        return new ForkJoin(walk).run((Plan.Fork) plan, entry);
    }

    private static Transition succeeded(Step step, JsonNode data, Attempt result) {
        return step instanceof Step.Parallel parallel ? StepInterpreter.joined(parallel, data, result.result())
                : StepInterpreter.completed(step, data, result.result());
    }

    private Transition close(int entry, Transition transition) {
        StepError error = transition instanceof Transition.Caught caught ? caught.error()
                : transition instanceof Transition.Failed failed ? failed.error() : null;
        Outcome outcome = transition.recordedAs();
        walk.log().close(entry, outcome, walk.now(), error);
        return transition;
    }

    /** A number in [0, 1) derived from {@code seed}: the same on every replay. */
    static double unitRandom(String seed) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            long bits = 0;
            for (int i = 0; i < 7; i++) {
                bits = (bits << 8) | (hash[i] & 0xff);
            }
            return (bits >>> 3) / (double) (1L << 53);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
