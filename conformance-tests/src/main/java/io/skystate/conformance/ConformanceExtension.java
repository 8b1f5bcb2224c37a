package io.skystate.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Applies a target's declared {@link Gaps} (a rule with a gap is disabled with the gap as its reason, never
 * skipped silently) and records every rule's result into
 * {@code target/conformance-reports/<adapterId>/<Suite>.json}, printing a one-line summary per suite.
 */
public final class ConformanceExtension implements ExecutionCondition, BeforeAllCallback, AfterAllCallback,
        BeforeTestExecutionCallback, AfterTestExecutionCallback, TestWatcher {
    /** Where reports go, relative to the working directory (the module directory under surefire). */
    public static final Path REPORT_DIR = Path.of("target", "conformance-reports");

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(ConformanceExtension.class);
    private static final String REPORT = "report";
    private static final String STARTED = "startedNanos";
    private static final String DURATION = "durationMs";
    private static final String ASSUMPTION_PREFIX = "Assumption failed: ";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<Method> method = context.getTestMethod();
        if (method.isEmpty()) {
            return ConditionEvaluationResult.enabled("suites are always enabled; rules are checked one by one");
        }
        Optional<Gap> gap = gapFor(context, method.get());
        return gap.map(g -> ConditionEvaluationResult.disabled(g.describe()))
                .orElseGet(() -> ConditionEvaluationResult.enabled("no gap declared"));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        String adapter = context.getTestInstance().filter(ConformanceSuite.class::isInstance)
                .map(i -> ((ConformanceSuite) i).target().adapterId()).orElse("unknown");
        context.getStore(NS).put(REPORT, new SuiteReport(adapter, suiteName(testClass)));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        SuiteReport report = context.getStore(NS).get(REPORT, SuiteReport.class);
        if (report == null) {
            return;
        }
        context.getExecutionException().ifPresent(e -> report.error(String.valueOf(e)));
        try {
            report.write(REPORT_DIR);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the conformance report", e);
        }
        System.out.println(report.summary());
    }

    @Override
    public void beforeTestExecution(ExtensionContext context) {
        context.getStore(NS).put(STARTED, System.nanoTime());
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        Long started = context.getStore(NS).get(STARTED, Long.class);
        if (started != null) {
            context.getStore(NS).put(DURATION, (System.nanoTime() - started) / 1_000_000);
        }
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        record(context, RuleResult.Status.PASSED, null);
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        record(context, RuleResult.Status.FAILED, String.valueOf(cause));
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        String message = cause == null || cause.getMessage() == null ? String.valueOf(cause) : cause.getMessage();
        if (message.startsWith(ASSUMPTION_PREFIX)) {
            message = message.substring(ASSUMPTION_PREFIX.length());
        }
        boolean capabilityGap = message.startsWith("capability ") && message.endsWith(" not offered");
        record(context, capabilityGap ? RuleResult.Status.GAP : RuleResult.Status.ABORTED, message);
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        boolean declared = context.getTestMethod().flatMap(m -> gapFor(context, m)).isPresent()
                || reason.filter(r -> r.startsWith("declared ")).isPresent();
        record(context, declared ? RuleResult.Status.GAP : RuleResult.Status.ABORTED,
                reason.orElse("disabled without a reason"));
    }

    private static void record(ExtensionContext context, RuleResult.Status status, String reason) {
        SuiteReport report = context.getParent().map(p -> p.getStore(NS).get(REPORT, SuiteReport.class)).orElse(null);
        if (report == null) {
            return;
        }
        String[] rule = RuleResult.split(context.getRequiredTestMethod().getName());
        Long duration = context.getStore(NS).get(DURATION, Long.class);
        report.add(new RuleResult(rule[0], rule[1], status, reason, duration == null ? 0 : duration));
    }

    private static Optional<Gap> gapFor(ExtensionContext context, Method method) {
        String ruleId = RuleResult.split(method.getName())[0];
        return context.getTestInstance().filter(ConformanceSuite.class::isInstance)
                .flatMap(i -> ((ConformanceSuite) i).target().gaps().find(ruleId));
    }

    /** The abstract suite a binding extends (such as {@code StateStoreConformance}), else the class itself. */
    static String suiteName(Class<?> testClass) {
        Class<?> c = testClass;
        while (c.getSuperclass() != null && c.getSuperclass() != ConformanceSuite.class
                && c.getSuperclass() != Object.class) {
            c = c.getSuperclass();
        }
        return c.getSuperclass() == ConformanceSuite.class ? c.getSimpleName() : testClass.getSimpleName();
    }
}
