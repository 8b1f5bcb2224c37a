package io.skystate.core.retry;

import io.skystate.api.SkystateException;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Runs an operation under a {@link RetryPolicy}, retrying the failures {@code retryable} accepts. */
public final class Retrier {
    private final RetryPolicy policy;
    private final Predicate<RuntimeException> retryable;

    public Retrier(RetryPolicy policy, Predicate<RuntimeException> retryable) {
        this.policy = policy;
        this.retryable = retryable;
    }

    /** Retries {@link SkystateException}s that say they are {@link SkystateException#retryable() retryable}. */
    public static Retrier onRetryable(RetryPolicy policy) {
        return new Retrier(policy, e -> e instanceof SkystateException s && s.retryable());
    }

    public <T> T call(Supplier<T> operation) {
        for (int attempt = 1; ; attempt++) {
            try {
                return operation.get();
            } catch (RuntimeException e) {
                if (attempt >= policy.maxAttempts() || !retryable.test(e)) {
                    throw e;
                }
                sleep(policy.delayAfter(attempt).toMillis(), e);
            }
        }
    }

    private static void sleep(long millis, RuntimeException pending) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw pending;
        }
    }
}
