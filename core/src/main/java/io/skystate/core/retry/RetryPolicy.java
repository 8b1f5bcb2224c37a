package io.skystate.core.retry;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter: attempt {@code n} (1-based) waits {@code initial * rate^(n-1)}, capped at
 * {@code max}, then scaled by a random factor in {@code [1 - jitter, 1]} ("equal jitter" for jitter 0.5, none for 0).
 */
public record RetryPolicy(int maxAttempts, Duration initial, double backoffRate, Duration max, double jitter) {
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1");
        }
        if (backoffRate < 1.0) {
            throw new IllegalArgumentException("backoffRate must be >= 1");
        }
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("jitter must be in [0, 1]");
        }
    }

    /** Five attempts from 50 ms doubling to at most 2 s, half jitter: for provider throttling. */
    public static RetryPolicy providerDefault() {
        return new RetryPolicy(5, Duration.ofMillis(50), 2.0, Duration.ofSeconds(2), 0.5);
    }

    /** The delay before retry number {@code attempt} (the delay after the {@code attempt}-th failure). */
    public Duration delayAfter(int attempt) {
        double nanos = initial.toNanos() * Math.pow(backoffRate, attempt - 1);
        nanos = Math.min(nanos, max.toNanos());
        double factor = 1.0 - jitter * ThreadLocalRandom.current().nextDouble();
        return Duration.ofNanos((long) (nanos * factor));
    }
}
