package io.skystate.conformance;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the suites wait on a target. The defaults suit an in-process adapter; a binding against an emulator or a
 * real cloud may lengthen them ({@link ConformanceTarget#timing()}) without touching the rules. Rules never shorten
 * a guarantee with these values: they only wait longer for something the rule expects to happen.
 *
 * @param runAwait how long a rule waits for a workflow run that should finish within seconds
 * @param callbackAwait how long a rule waits for a callback to be resolved or a notification to arrive
 * @param ruleTimeout the most one rule may take before it is failed as hung
 * @param slowdown factor (at least 1) applied to the upper bounds rules put on elapsed times ("answered within
 *     5 s"), for targets whose every call crosses a network
 */
public record Timing(Duration runAwait, Duration callbackAwait, Duration ruleTimeout, double slowdown) {
    /** In-process defaults: runs within 30 s, callbacks within 10 s, rules within 120 s, no slowdown. */
    public static final Timing DEFAULT = new Timing(Duration.ofSeconds(30), Duration.ofSeconds(10),
            Duration.ofSeconds(120), 1.0);

    private static final ThreadLocal<Timing> CURRENT = new InheritableThreadLocal<>();

    public Timing {
        Objects.requireNonNull(runAwait, "runAwait");
        Objects.requireNonNull(callbackAwait, "callbackAwait");
        Objects.requireNonNull(ruleTimeout, "ruleTimeout");
        if (slowdown < 1.0) {
            throw new IllegalArgumentException("slowdown must be at least 1: " + slowdown);
        }
    }

    /**
     * The timing of the target whose rule runs on this thread (or on the thread that started this one), for the
     * suites' static fixtures; {@link #DEFAULT} outside a rule.
     */
    public static Timing current() {
        Timing timing = CURRENT.get();
        return timing == null ? DEFAULT : timing;
    }

    /** Runs {@code work} with {@code timing} as {@link #current()} on this thread. */
    static <T extends Throwable> void during(Timing timing, ThrowingRunnable<T> work) throws T {
        Timing previous = CURRENT.get();
        CURRENT.set(timing);
        try {
            work.run();
        } finally {
            CURRENT.set(previous);
        }
    }

    /** Work that may throw. */
    interface ThrowingRunnable<T extends Throwable> {
        void run() throws T;
    }

    /** The same timing with every wait and bound multiplied by {@code factor} (at least 1). */
    public Timing scaledBy(double factor) {
        return new Timing(scale(runAwait, factor), scale(callbackAwait, factor), scale(ruleTimeout, factor),
                slowdown * factor);
    }

    /** An upper bound on an elapsed time, lengthened by {@link #slowdown()}. */
    public Duration bound(Duration inProcess) {
        return scale(inProcess, slowdown);
    }

    private static Duration scale(Duration d, double factor) {
        return Duration.ofMillis(Math.round(d.toMillis() * factor));
    }
}
