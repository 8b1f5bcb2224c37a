package io.skystate.gcpworkflows.internal.exec;

import io.skystate.gcpworkflows.internal.expr.EvalContext;
import io.skystate.gcpworkflows.internal.model.RetryPolicy;
import io.skystate.gcpworkflows.internal.model.Routine;
import io.skystate.gcpworkflows.internal.model.StepBody;
import io.skystate.gcpworkflows.internal.value.Values;
import io.skystate.gcpworkflows.internal.value.WorkflowError;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code try} with {@code retry} and {@code except}
 * (https://cloud.google.com/workflows/docs/reference/syntax/catching-errors, .../retrying): an error raised in the
 * try block is retried while the predicate says so and fewer than {@code max_retries} retries were made, waiting
 * {@code initial_delay * multiplier^n} seconds capped at {@code max_delay}; then, if there is an except block,
 * the error is assigned to its {@code as} variable and the except steps run. Thread-safe.
 */
final class TryRunner {
    private final Interpreter interpreter;

    TryRunner(Interpreter interpreter) {
        this.interpreter = interpreter;
    }

    String run(StepBody.Try tryStep, Frame frame) {
        int retries = 0;
        Backoff backoff = null;
        while (true) {
            try {
                return interpreter.executeBody(tryStep.body(), frame);
            } catch (WorkflowError error) {
                RetryPolicy policy = tryStep.retry();
                if (policy != null) {
                    if (backoff == null) {
                        backoff = backoff(policy, frame);
                    }
                    if (retries < backoff.maxRetries() && shouldRetry(policy, error, frame)) {
                        frame.flow().sleep(backoff.delay(retries));
                        retries++;
                        continue;
                    }
                }
                if (tryStep.except() == null) {
                    throw error;
                }
                if (tryStep.exceptAs() != null) {
                    frame.scope().assign(tryStep.exceptAs(), error.value());
                }
                interpreter.runSteps(tryStep.except(), frame);
                return null;
            }
        }
    }

    private boolean shouldRetry(RetryPolicy policy, WorkflowError error, Frame frame) {
        Object verdict;
        if (policy.predicateIsSubworkflow()) {
            Routine predicate = interpreter.program().routines().get(policy.predicate());
            verdict = interpreter.callRoutine(policy.predicate(),
                    Map.of(predicate.params().get(0).name(), Values.deepCopy(error.value())), frame);
        } else {
            verdict = interpreter.calls().callPositional(policy.predicate(), List.of(error.value()), frame);
        }
        if (!(verdict instanceof Boolean b)) {
            throw WorkflowError.typeError("retry predicate '" + policy.predicate() + "' must return a boolean, got "
                    + Values.typeName(verdict));
        }
        return b;
    }

    private Backoff backoff(RetryPolicy policy, Frame frame) {
        EvalContext context = interpreter.calls().context(frame);
        Object max = policy.maxRetries().evaluate(context);
        if (!(max instanceof Long count) || count < 0) {
            throw WorkflowError.valueError("max_retries must be a non-negative integer, got " + Values.toText(max));
        }
        return new Backoff(count, positive(policy.initialDelay().evaluate(context), "initial_delay"),
                positive(policy.maxDelay().evaluate(context), "max_delay"),
                positive(policy.multiplier().evaluate(context), "multiplier"));
    }

    private static double positive(Object value, String name) {
        if (!Values.isNumber(value) || ((Number) value).doubleValue() < 0) {
            throw WorkflowError.valueError("backoff " + name + " must be a non-negative number, got "
                    + Values.toText(value));
        }
        return ((Number) value).doubleValue();
    }

    /** An evaluated retry policy. */
    record Backoff(long maxRetries, double initialDelay, double maxDelay, double multiplier) {
        /** The wait before retry number {@code n + 1}, in seconds: {@code min(initial * multiplier^n, max)}. */
        Duration delay(int n) {
            double seconds = Math.min(initialDelay * Math.pow(multiplier, n), maxDelay);
            return Duration.ofNanos((long) (seconds * 1e9));
        }
    }
}
