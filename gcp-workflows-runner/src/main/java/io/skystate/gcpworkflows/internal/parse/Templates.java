package io.skystate.gcpworkflows.internal.parse;

import io.skystate.gcpworkflows.internal.expr.Expr;
import io.skystate.gcpworkflows.internal.expr.ExpressionParser;
import io.skystate.gcpworkflows.internal.expr.ExpressionSyntaxException;
import io.skystate.gcpworkflows.internal.model.Location;
import io.skystate.gcpworkflows.internal.model.ValueTemplate;
import io.skystate.gcpworkflows.internal.yaml.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns source values into {@link ValueTemplate}s: a string that starts with {@code ${} and ends with {@code }}
 * is an expression (https://cloud.google.com/workflows/docs/reference/syntax/expressions), everything else a
 * literal. Not thread-safe (reports into one {@link Problems}).
 */
final class Templates {
    private final Problems problems;
    private final ExpressionChecker checker;

    Templates(Problems problems, ExpressionChecker checker) {
        this.problems = problems;
        this.checker = checker;
    }

    ExpressionChecker checker() {
        return checker;
    }

    /** The expression text of {@code ${...}}, or null if the value is not an expression string. */
    static String expressionText(Object value) {
        if (value instanceof String string) {
            String trimmed = string.strip();
            if (trimmed.startsWith("${") && trimmed.endsWith("}")) {
                return trimmed.substring(2, trimmed.length() - 1);
            }
        }
        return null;
    }

    ValueTemplate template(YamlNode node, Location location) {
        if (node instanceof YamlNode.Scalar scalar) {
            String text = expressionText(scalar.value());
            if (text == null) {
                return new ValueTemplate.Constant(scalar.value());
            }
            Expr expr = expression(text, location);
            return expr == null ? new ValueTemplate.Constant(null) : new ValueTemplate.Expression(expr, text, location);
        }
        if (node instanceof YamlNode.Sequence sequence) {
            List<ValueTemplate> items = new ArrayList<>();
            for (int i = 0; i < sequence.items().size(); i++) {
                YamlNode item = sequence.items().get(i);
                items.add(template(item, location.child("[" + i + "]", item.line(), item.column())));
            }
            return new ValueTemplate.ListOf(items);
        }
        YamlNode.Mapping mapping = (YamlNode.Mapping) node;
        Map<String, ValueTemplate> entries = new LinkedHashMap<>();
        mapping.entries().forEach((key, value) ->
                entries.put(key, template(value, location.child("." + key, value.line(), value.column()))));
        return new ValueTemplate.MapOf(entries);
    }

    /** Parses and checks expression text; a syntax error is reported and gives null. */
    Expr expression(String text, Location location) {
        try {
            Expr expr = ExpressionParser.parse(text);
            checker.check(expr, location);
            return expr;
        } catch (ExpressionSyntaxException e) {
            problems.invalid(location, "expression '${" + text + "}' is malformed: " + e.getMessage()
                    + " at character " + (e.offset() + 1));
            return null;
        }
    }
}
