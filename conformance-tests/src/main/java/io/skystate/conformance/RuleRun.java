package io.skystate.conformance;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * Runs one rule and classifies its end: passed, failed, a declared gap that showed, a declared gap that did not
 * show ({@code PASSED_DESPITE_GAP}), a missing capability, or aborted. A rule running past the target's
 * {@link Timing#ruleTimeout()} is interrupted and failed.
 */
final class RuleRun {
    private static final String ASSUMPTION_PREFIX = "Assumption failed: ";
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "conformance-rule-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final ConformanceSuite suite;
    private final Method method;
    private final SuiteReport report;
    private final Optional<Gap> gap;
    private final Timing timing;
    private final String[] rule;

    RuleRun(ConformanceTarget target, ConformanceSuite suite, Method method, SuiteReport report) {
        this.suite = suite;
        this.method = method;
        this.report = report;
        this.rule = RuleResult.split(method.getName());
        this.gap = target.gaps().find(rule[0]);
        this.timing = target.timing();
    }

    void run() throws Throwable {
        long started = System.nanoTime();
        Throwable thrown = invokeWithTimeout();
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (thrown instanceof TestAbortedException aborted) {
            String reason = withoutPrefix(aborted.getMessage());
            boolean capability = reason.startsWith("capability ") && reason.endsWith(" not offered");
            record(capability ? RuleResult.Status.GAP : RuleResult.Status.ABORTED, reason, millis);
            throw aborted;
        }
        if (thrown != null && gap.isPresent()) {
            record(RuleResult.Status.GAP, gap.get().describe(), millis);
            throw new TestAbortedException(gap.get().describe() + "; failed as declared: " + firstLine(thrown), thrown);
        }
        if (thrown != null) {
            record(RuleResult.Status.FAILED, String.valueOf(thrown), millis);
            throw thrown;
        }
        if (gap.isPresent()) {
            record(RuleResult.Status.PASSED_DESPITE_GAP, "passes despite a " + gap.get().describe(), millis);
            return;
        }
        record(RuleResult.Status.PASSED, null, millis);
    }

    private Throwable invokeWithTimeout() {
        Thread runner = Thread.currentThread();
        AtomicBoolean fired = new AtomicBoolean();
        ScheduledFuture<?> alarm = WATCHDOG.schedule(() -> {
            fired.set(true);
            runner.interrupt();
        }, timing.ruleTimeout().toMillis(), TimeUnit.MILLISECONDS);
        Throwable thrown = null;
        try {
            Timing.during(timing, () -> {
                suite.beforeEachRule();
                method.invoke(suite);
            });
        } catch (InvocationTargetException e) {
            thrown = e.getCause();
        } catch (ReflectiveOperationException | RuntimeException | AssertionError e) {
            thrown = e;
        } finally {
            alarm.cancel(false);
        }
        if (fired.get()) {
            Thread.interrupted(); // clear the watchdog's interrupt before the next rule
            return new AssertionFailedError(method.getName() + " ran longer than the rule timeout " + timing.ruleTimeout(), thrown);
        }
        return thrown;
    }

    private void record(RuleResult.Status status, String reason, long millis) {
        report.add(new RuleResult(rule[0], rule[1], status, reason, millis));
    }

    private static String withoutPrefix(String message) {
        String text = message == null ? "aborted without a reason" : message;
        return text.startsWith(ASSUMPTION_PREFIX) ? text.substring(ASSUMPTION_PREFIX.length()) : text;
    }

    private static String firstLine(Throwable t) {
        String text = String.valueOf(t);
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
