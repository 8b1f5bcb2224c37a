package io.skystate.core.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skystate.api.ThrottledException;
import io.skystate.api.VersionConflictException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    @Test
    void delaysGrowGeometricallyUpToTheCapWithinTheJitterBand() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(100), 2.0, Duration.ofMillis(500), 0.5);
        for (int i = 0; i < 200; i++) {
            assertThat(policy.delayAfter(1).toMillis()).isBetween(50L, 100L);
            assertThat(policy.delayAfter(2).toMillis()).isBetween(100L, 200L);
            assertThat(policy.delayAfter(6).toMillis()).isBetween(250L, 500L);
        }
    }

    @Test
    void noJitterMeansExactDelays() {
        RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(10), 3.0, Duration.ofSeconds(1), 0);
        assertThat(policy.delayAfter(3)).isEqualTo(Duration.ofMillis(90));
    }

    @Test
    void retriesRetryableErrorsOnlyAndGivesUpAfterMaxAttempts() {
        Retrier retrier = Retrier.onRetryable(new RetryPolicy(3, Duration.ofMillis(1), 1.0, Duration.ofMillis(1), 0));
        AtomicInteger calls = new AtomicInteger();
        assertThat(retrier.call(() -> {
            if (calls.incrementAndGet() < 3) {
                throw new ThrottledException("test", "slow down");
            }
            return "ok";
        })).isEqualTo("ok");
        assertThat(calls).hasValue(3);

        calls.set(0);
        assertThatThrownBy(() -> retrier.call(() -> {
            calls.incrementAndGet();
            throw new ThrottledException("test", "always");
        })).isInstanceOf(ThrottledException.class);
        assertThat(calls).hasValue(3);

        calls.set(0);
        assertThatThrownBy(() -> retrier.call(() -> {
            calls.incrementAndGet();
            throw new IllegalStateException("not retryable");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(calls).hasValue(1);
        assertThat(new VersionConflictException("t", "m").retryable()).isTrue();
    }
}
