package io.skystate.core.workflow.interpret;

import java.time.Duration;

/** Applies full jitter to a retry delay the same way on every engine. */
public final class RetryDelays {
    private RetryDelays() {
    }

    /**
     * {@code delay} itself, or with full jitter a uniformly random part of it: {@code delay * (1 - unitRandom)}.
     * {@code unitRandom} is in [0, 1): engines that replay (Durable) derive it deterministically from the run, step
     * and attempt; others draw it at random.
     */
    public static Duration withJitter(Duration delay, boolean fullJitter, double unitRandom) {
        if (unitRandom < 0 || unitRandom >= 1) {
            throw new IllegalArgumentException("unitRandom must be in [0, 1): " + unitRandom);
        }
        return fullJitter ? Duration.ofMillis((long) (delay.toMillis() * (1 - unitRandom))) : delay;
    }
}
