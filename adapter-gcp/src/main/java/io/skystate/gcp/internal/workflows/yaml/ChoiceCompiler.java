package io.skystate.gcp.internal.workflows.yaml;

import static io.skystate.gcp.internal.workflows.yaml.Y.assign;
import static io.skystate.gcp.internal.workflows.yaml.Y.expr;
import static io.skystate.gcp.internal.workflows.yaml.Y.lit;
import static io.skystate.gcp.internal.workflows.yaml.Y.map;
import static io.skystate.gcp.internal.workflows.yaml.Y.next;
import static io.skystate.gcp.internal.workflows.yaml.Y.step;

import io.skystate.api.workflow.ChoiceCondition;
import io.skystate.api.workflow.Step;
import io.skystate.api.workflow.WorkflowErrors;
import io.skystate.gcp.internal.workflows.Protocol;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Choice steps. Each comparison or presence test (a leaf) sets a boolean variable: its path is checked member by
 * member ({@link PathCompiler#presence}) and its type is checked before comparing, so a leaf on an absent path or
 * a value of another type is false, as {@code ConditionEvaluator} defines; And/Or/Not then combine the booleans in
 * one expression per rule, which cannot fail. A switch takes the first rule that holds; without a match the
 * choice goes to otherwise or fails with NoChoiceMatched. Strings compare with Workflows' {@code <}, which must
 * order by code point. Stateless.
 */
final class ChoiceCompiler {
    private ChoiceCompiler() {
    }

    static List<Map<String, Object>> choice(Compilation compilation, Scope scope, Step.Choice choice) {
        String base = compilation.base(choice.name());
        String path = scope.path(choice.name());
        List<Map<String, Object>> steps = new ArrayList<>(ScopeCompiler.entry(compilation, scope, choice.name(), false));
        List<ChoiceCondition> leaves = new ArrayList<>();
        List<String> rules = new ArrayList<>();
        for (Step.ChoiceRule rule : choice.rules()) {
            rules.add(expression(rule.condition(), scope, leaves));
        }
        String decide = base + "_decide";
        for (int i = 0; i < leaves.size(); i++) {
            String after = i + 1 < leaves.size() ? base + "_l" + (i + 1) : decide;
            steps.addAll(leaf(scope, base + "_l" + i, scope.flag(i), leaves.get(i), after));
        }
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            pairs.add(rules.get(i));
            pairs.add(base + "_h" + i);
        }
        steps.add(step(decide, Y.jumps(pairs.toArray(String[]::new))));
        if (choice.otherwise().isPresent()) {
            steps.add(Y.then(Events.full(base + "_other", scope, path, 1, "SUCCEEDED", null),
                    compilation.stepName(choice.otherwise().get())));
        } else {
            Map<String, Object> error = map(Protocol.ERROR, WorkflowErrors.NO_CHOICE_MATCHED, Protocol.CAUSE,
                    Y.text("no rule of choice '" + choice.name() + "' matched and it has no otherwise"));
            steps.add(Events.full(base + "_none", scope, path, 1, "FAILED", error));
            steps.add(step(base + "_none_raise", map("raise", error)));
        }
        for (int i = 0; i < choice.rules().size(); i++) {
            steps.add(Y.then(Events.full(base + "_h" + i, scope, path, 1, "SUCCEEDED", null),
                    compilation.stepName(choice.rules().get(i).next())));
        }
        return steps;
    }

    /** The boolean expression of {@code condition} over leaf variables; leaves are collected in order. */
    private static String expression(ChoiceCondition condition, Scope scope, List<ChoiceCondition> leaves) {
        if (condition instanceof ChoiceCondition.And and) {
            return join(and.all(), " and ", scope, leaves);
        }
        if (condition instanceof ChoiceCondition.Or or) {
            return join(or.any(), " or ", scope, leaves);
        }
        if (condition instanceof ChoiceCondition.Not not) {
            return "(not " + expression(not.condition(), scope, leaves) + ")";
        }
        leaves.add(condition);
        return scope.flag(leaves.size() - 1);
    }

    private static String join(List<ChoiceCondition> parts, String operator, Scope scope, List<ChoiceCondition> leaves) {
        List<String> expressions = new ArrayList<>();
        parts.forEach(part -> expressions.add(expression(part, scope, leaves)));
        return "(" + String.join(operator, expressions) + ")";
    }

    /** Steps setting {@code flag} to the leaf's truth, then going to {@code after}. */
    private static List<Map<String, Object>> leaf(Scope scope, String name, String flag, ChoiceCondition leaf,
            String after) {
        String no = name + "_no";
        List<Map<String, Object>> steps = new ArrayList<>();
        if (leaf instanceof ChoiceCondition.IsPresent present) {
            steps.addAll(PathCompiler.presence(scope.data(), present.path(), name, no));
            steps.add(step(name + "_yes", next(assign(flag, present.present()), after)));
            steps.add(step(no, next(assign(flag, !present.present()), after)));
            return steps;
        }
        ChoiceCondition.Compare compare = (ChoiceCondition.Compare) leaf;
        String value = PathCompiler.access(scope.data(), compare.path());
        List<Map<String, Object>> presence = PathCompiler.presence(scope.data(), compare.path(), name, no);
        String typeStep = presence.isEmpty() ? name : name + "_type";
        steps.addAll(presence);
        steps.add(step(typeStep, Y.jumps(typeMismatch(value, compare.value()), no)));
        steps.add(step(name + "_yes", next(assign(flag, expr(value + " " + operator(compare.operator()) + " "
                + literal(compare.value()))), after)));
        steps.add(step(no, next(assign(flag, false), after)));
        return steps;
    }

    private static String typeMismatch(String value, Object expected) {
        if (expected instanceof String) {
            return "get_type(" + value + ") != \"string\"";
        }
        if (expected instanceof BigDecimal) {
            return "get_type(" + value + ") != \"integer\" and get_type(" + value + ") != \"double\"";
        }
        return "get_type(" + value + ") != \"boolean\"";
    }

    private static String operator(ChoiceCondition.Operator operator) {
        return switch (operator) {
            case EQ -> "==";
            case LT -> "<";
            case LE -> "<=";
            case GT -> ">";
            case GE -> ">=";
        };
    }

    /** The comparison value as a Workflows literal: a string, an integer when it fits, else a double. */
    static String literal(Object value) {
        if (value instanceof String text) {
            return lit(text);
        }
        if (value instanceof Boolean bool) {
            return bool.toString();
        }
        BigDecimal number = ((BigDecimal) value).stripTrailingZeros();
        if (number.scale() <= 0 && number.toBigInteger().bitLength() < 64) {
            return number.toBigInteger().toString();
        }
        String plain = BigDecimal.valueOf(number.doubleValue()).toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }
}
