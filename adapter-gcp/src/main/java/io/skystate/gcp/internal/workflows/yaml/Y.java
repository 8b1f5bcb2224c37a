package io.skystate.gcp.internal.workflows.yaml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builders for the Workflows YAML tree: insertion-ordered maps (so the same definition always gives the same text),
 * lists, steps, expressions and literals. Stateless.
 */
final class Y {
    private Y() {
    }

    /** An ordered map from alternating keys and values; null values are left out. */
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                map.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return map;
    }

    /** {@code name: null}: a subworkflow parameter whose default is null. */
    static Map<String, Object> nullDefault(String name) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(name, null);
        return map;
    }

    static List<Object> list(Object... items) {
        return new ArrayList<>(Arrays.asList(items));
    }

    /** {@code - name: body}. */
    static Map<String, Object> step(String name, Map<String, Object> body) {
        return map(name, body);
    }

    /** An {@code assign} step body from alternating targets and values. */
    static Map<String, Object> assign(Object... targetsAndValues) {
        List<Object> assignments = new ArrayList<>();
        for (int i = 0; i < targetsAndValues.length; i += 2) {
            assignments.add(map((String) targetsAndValues[i], targetsAndValues[i + 1]));
        }
        return map("assign", assignments);
    }

    /** A {@code call} step body. */
    static Map<String, Object> call(String function, Map<String, Object> args, String result) {
        return map("call", function, "args", args, "result", result);
    }

    /** {@code body} with {@code next: target} added (a new map). */
    static Map<String, Object> next(Map<String, Object> body, String target) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put("next", target);
        return copy;
    }

    /** A step ({@code {name: body}}) whose body also jumps to {@code target}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> then(Map<String, Object> step, String target) {
        Map.Entry<String, Object> only = step.entrySet().iterator().next();
        return step(only.getKey(), next((Map<String, Object>) only.getValue(), target));
    }

    /** A switch step body whose conditions are (expression, next target) pairs. */
    static Map<String, Object> jumps(String... conditionsAndTargets) {
        List<Object> conditions = new ArrayList<>();
        for (int i = 0; i < conditionsAndTargets.length; i += 2) {
            conditions.add(map("condition", expr(conditionsAndTargets[i]), "next", conditionsAndTargets[i + 1]));
        }
        return map("switch", conditions);
    }

    /** {@code ${expression}}. */
    static String expr(String expression) {
        return "${" + expression + "}";
    }

    /**
     * A Workflows string literal for use inside an expression: double quotes with {@code \} and {@code "} escaped,
     * control characters and {@code $} as {@code \\uXXXX} (so no {@code ${} appears inside an expression).
     */
    static String lit(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c == '$') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /**
     * A string value as the workflow must see it: plain text, or, when it contains {@code ${} (which Workflows would
     * evaluate), an expression that yields the same text.
     */
    static String text(String value) {
        return value.contains("${") ? expr(lit(value)) : value;
    }

    /** A list literal of string literals, for {@code in} tests: {@code ["a", "b"]}. */
    static String litList(List<String> values) {
        List<String> quoted = new ArrayList<>();
        values.forEach(v -> quoted.add(lit(v)));
        return "[" + String.join(", ", quoted) + "]";
    }
}
