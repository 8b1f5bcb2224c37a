package io.skystate.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;

/**
 * One suite bound to one target: a dynamic container whose rules share one instance, opened on the first rule and
 * closed, with the report written to {@code target/conformance-reports/<adapterId>/<Suite>.json}, when JUnit closes
 * the container's stream. Not thread-safe: JUnit runs a container's rules one after another.
 */
final class SuiteRun {
    /** Where reports go, relative to the working directory (the module directory under surefire and failsafe). */
    static final Path REPORT_DIR = Path.of("target", "conformance-reports");

    private final ConformanceTarget target;
    private final ConformanceSuite suite;
    private final SuiteReport report;
    private boolean opened;
    private RuntimeException openFailure;
    private boolean finished;

    private SuiteRun(ConformanceTarget target, ConformanceSuite suite) {
        this.target = target;
        this.suite = suite;
        this.report = new SuiteReport(target.adapterId(), suite.getClass().getSimpleName());
    }

    static DynamicContainer container(ConformanceTarget target, Class<? extends ConformanceSuite> type) {
        SuiteRun run = new SuiteRun(target, instantiate(type, target));
        Stream<DynamicTest> rules = rules(type).stream()
                .map(method -> DynamicTest.dynamicTest(method.getName(), () -> run.rule(method)));
        return DynamicContainer.dynamicContainer(type.getSimpleName() + " [" + target.adapterId() + "]",
                rules.onClose(run::finish));
    }

    /** The rules of a suite class in name order. */
    static List<Method> rules(Class<? extends ConformanceSuite> type) {
        return Arrays.stream(type.getMethods()).filter(m -> m.isAnnotationPresent(ConformanceRule.class))
                .peek(SuiteRun::checkShape).sorted(Comparator.comparing(Method::getName)).toList();
    }

    private void rule(Method method) throws Throwable {
        if (!opened) {
            opened = true;
            try {
                suite.open();
            } catch (RuntimeException e) {
                openFailure = e;
                report.error("cannot open the target: " + e);
            }
        }
        if (openFailure != null) {
            throw new IllegalStateException("the " + target.adapterId() + " target did not open", openFailure);
        }
        new RuleRun(target, suite, method, report).run();
    }

    private void finish() {
        if (finished) {
            return;
        }
        finished = true;
        try {
            suite.close();
        } finally {
            try {
                report.write(REPORT_DIR);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the conformance report", e);
            }
            System.out.println(report.summary());
        }
    }

    private static ConformanceSuite instantiate(Class<? extends ConformanceSuite> type, ConformanceTarget target) {
        try {
            ConformanceSuite suite = type.getDeclaredConstructor().newInstance();
            suite.bind(target);
            return suite;
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot instantiate suite " + type.getName()
                    + ": a suite needs a public no-argument constructor", e);
        }
    }

    private static void checkShape(Method m) {
        int modifiers = m.getModifiers();
        if (!Modifier.isFinal(modifiers) || m.getParameterCount() != 0 || !m.getName().matches("[a-z]+\\d+_\\w+")) {
            throw new IllegalStateException("rule " + m + " must be public final, take no parameters and be named"
                    + " <prefix><NN>_<what>");
        }
    }
}
