package io.skystate.gcpworkflows.internal.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Backoff delays: initial_delay, multiplied by multiplier after each retry, capped at max_delay
 * (https://cloud.google.com/workflows/docs/reference/syntax/retrying).
 */
class BackoffTest {

    @Test
    void delaysGrowByMultiplierUpToMaxDelay() {
        TryRunner.Backoff backoff = new TryRunner.Backoff(5, 1, 60, 1.25);
        assertThat(backoff.delay(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delay(1)).isEqualTo(Duration.ofMillis(1250));
        assertThat(backoff.delay(2)).isEqualTo(Duration.ofNanos(1_562_500_000L));
        assertThat(new TryRunner.Backoff(10, 10, 60, 2).delay(4)).isEqualTo(Duration.ofSeconds(60));
    }
}
