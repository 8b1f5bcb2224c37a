package io.skystate.gcp.internal.workflows.yaml;

import static io.skystate.gcp.internal.workflows.yaml.Y.assign;
import static io.skystate.gcp.internal.workflows.yaml.Y.expr;
import static io.skystate.gcp.internal.workflows.yaml.Y.jumps;
import static io.skystate.gcp.internal.workflows.yaml.Y.list;
import static io.skystate.gcp.internal.workflows.yaml.Y.map;
import static io.skystate.gcp.internal.workflows.yaml.Y.next;
import static io.skystate.gcp.internal.workflows.yaml.Y.step;

import io.skystate.api.workflow.RetryRule;
import io.skystate.api.workflow.WorkflowErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Retry rules as nested {@code try} steps, the first rule innermost. A level retries the errors its rule matches
 * and no earlier rule matches (the first matching rule decides, as on every engine; fatal errors match none), at
 * most {@code maxAttempts - 1} times. Without jitter a level is Workflows' own {@code retry} with a subworkflow
 * predicate and the portable back-off ({@code initial_delay} = interval, {@code multiplier} = backoff rate,
 * {@code max_delay} = max interval). Workflows' back-off has no jitter, so a rule with full jitter is a loop
 * written out: its {@code except} waits {@code delay * (1 - u)} ({@code u} uniform in [0, 1), from a UUID) and
 * jumps back to the try step. Like Step Functions, each level counts its own retries. Stateless.
 */
final class RetryCompiler {
    /** The longest back-off written into a policy (a year). */
    private static final double MAX_DELAY_SECONDS = 365 * 24 * 3600;

    private RetryCompiler() {
    }

    /**
     * The test (over the error map {@code error}) of a rule's errors; {@code fatal} is the expression of the fatal
     * error names (the {@code fatal} variable in steps, a literal list in subworkflows, which see no variables of
     * {@code main}).
     */
    static String matches(String error, List<String> errors, String fatal) {
        return errors.contains(WorkflowErrors.ALL) ? "not (" + error + ".error in " + fatal + ")"
                : error + ".error in " + Y.litList(errors);
    }

    /**
     * {@code body} (a try body: a {@code call} or {@code steps}) wrapped in one level per retry rule that can retry,
     * first rule innermost; {@code base} names the levels. Null when no rule can retry.
     */
    static List<Map<String, Object>> wrap(Compilation compilation, String base, List<RetryRule> rules,
            Map<String, Object> body) {
        List<Map<String, Object>> steps = null;
        List<String> earlier = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            RetryRule rule = rules.get(i);
            String own = matches("e", rule.errors(), Helpers.FATAL);
            String match = earlier.isEmpty() ? own : own + " and not (" + String.join(" or ", earlier) + ")";
            earlier.add(own);
            if (rule.maxAttempts() > 1) {
                String level = base + "_r" + (i + 1);
                Map<String, Object> inner = steps == null ? body : map("steps", new ArrayList<Object>(steps));
                steps = rule.jitter() > 0 ? jittered(compilation, level, rule, match, inner)
                        : List.of(nativeLevel(compilation, level, rule, match, inner));
            }
            if (rule.errors().contains(WorkflowErrors.ALL)) {
                break;
            }
        }
        return steps;
    }

    private static Map<String, Object> nativeLevel(Compilation compilation, String level, RetryRule rule,
            String match, Map<String, Object> body) {
        double interval = seconds(rule.interval().toMillis());
        double max = maxDelay(rule);
        return step(level, map("try", body, "retry", map(
                "predicate", expr(compilation.predicate(match)),
                "max_retries", rule.maxAttempts() - 1,
                "backoff", map("initial_delay", number(Math.min(interval, max)), "max_delay", number(max),
                        "multiplier", number(Math.max(1.0, rule.backoffRate()))))));
    }

    private static List<Map<String, Object>> jittered(Compilation compilation, String level, RetryRule rule,
            String match, Map<String, Object> body) {
        String retries = level + "_n";
        String delay = level + "_d";
        String failure = level + "_e";
        String matched = level + "_m";
        String random = level + "_u";
        double max = maxDelay(rule);
        String grown = delay + " * " + number(Math.max(1.0, rule.backoffRate()));
        List<Object> except = list(
                step(level + "_p", Y.call(compilation.predicate(match), map("e", expr(failure)), matched)),
                step(level + "_q", jumps(matched + " and " + retries + " < " + (rule.maxAttempts() - 1),
                        level + "_w")),
                step(level + "_f", map("raise", expr(failure))),
                step(level + "_w", Y.call(Helpers.RANDOM, null, random)),
                step(level + "_z", Y.call("sys.sleep", map("seconds", expr(delay + " * (1 - " + random + ")")), null)),
                step(level + "_g", next(assign(retries, expr(retries + " + 1"),
                        delay, expr("math.min(" + grown + ", " + number(max) + ")")), level)));
        return List.of(
                step(level + "_0", assign(retries, 0, delay, number(Math.min(seconds(rule.interval().toMillis()), max)))),
                step(level, map("try", body, "except", map("as", failure, "steps", except))));
    }

    /** The longest wait the rule can ask for: its max interval, or the last back-off, at most a year. */
    private static double maxDelay(RetryRule rule) {
        double interval = seconds(rule.interval().toMillis());
        double last = interval * Math.pow(Math.max(1.0, rule.backoffRate()), Math.max(0, rule.maxAttempts() - 2));
        double capped = rule.maxInterval().map(m -> seconds(m.toMillis())).orElse(last);
        return Math.min(Math.min(capped, Math.max(last, interval)), MAX_DELAY_SECONDS);
    }

    private static double seconds(long millis) {
        return millis / 1000.0;
    }

    /** Whole numbers as integers (Workflows literals), others as doubles. */
    static Object number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? (Object) (long) value : (Object) value;
    }
}
