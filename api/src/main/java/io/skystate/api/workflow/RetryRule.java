package io.skystate.api.workflow;

import io.skystate.api.Arguments;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Retries a failed step whose error matches {@code errors} ({@link WorkflowErrors#ALL} matches any). The step
 * runs at most {@code maxAttempts} times in total; before attempt {@code n+1} the engine waits
 * {@code interval * backoffRate^(n-1)}, capped at {@code maxInterval}, reduced by up to {@code jitter} (0-1) at
 * random. Compiles to an ASL {@code Retrier} ({@code MaxAttempts = maxAttempts - 1}), a Workflows retry policy and
 * Durable Task {@code RetryPolicy}.
 */
public record RetryRule(List<String> errors, int maxAttempts, Duration interval, double backoffRate,
        Optional<Duration> maxInterval, double jitter) {
    public RetryRule {
        errors = List.copyOf(errors);
        Arguments.notNull(interval, "interval");
        Arguments.notNull(maxInterval, "maxInterval");
    }

    /** Retry any error up to {@code maxAttempts} attempts, from {@code interval} doubling, no cap, no jitter. */
    public static RetryRule any(int maxAttempts, Duration interval) {
        return new RetryRule(List.of(WorkflowErrors.ALL), maxAttempts, interval, 2.0, Optional.empty(), 0.0);
    }

    public static RetryRule on(List<String> errors, int maxAttempts, Duration interval, double backoffRate) {
        return new RetryRule(errors, maxAttempts, interval, backoffRate, Optional.empty(), 0.0);
    }

    public RetryRule withMaxInterval(Duration max) {
        return new RetryRule(errors, maxAttempts, interval, backoffRate, Optional.of(max), jitter);
    }

    public RetryRule withJitter(double fraction) {
        return new RetryRule(errors, maxAttempts, interval, backoffRate, maxInterval, fraction);
    }

    /** The wait before attempt {@code failedAttempts + 1}, without jitter. */
    public Duration delayAfter(int failedAttempts) {
        double millis = interval.toMillis() * Math.pow(backoffRate, failedAttempts - 1);
        long capped = maxInterval.map(max -> Math.min((long) millis, max.toMillis())).orElse((long) millis);
        return Duration.ofMillis(capped);
    }

    public boolean matches(String error) {
        return WorkflowErrors.matches(errors, error);
    }
}
