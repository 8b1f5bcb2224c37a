package io.skystate.core.workflow.doc;

import com.fasterxml.jackson.databind.JsonNode;
import io.skystate.api.workflow.ChoiceCondition;
import io.skystate.api.workflow.ChoiceCondition.Operator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a choice condition: {@code {and: [...]}}, {@code {or: [...]}}, {@code {not: {...}}},
 * {@code {path, op, string|number|boolean}} or {@code {path, present}}. Returns null after reporting problems.
 */
final class ConditionReader {
    static final List<String> LOGICAL = List.of("and", "or", "not");
    static final List<String> OPERANDS = List.of("string", "number", "boolean");
    private static final List<String> COMPARISON = List.of("path", "op", "string", "number", "boolean", "present");

    private ConditionReader() {
    }

    static ChoiceCondition read(JsonNode node, String context, Problems problems) {
        if (node == null || !node.isObject()) {
            problems.add(context, "a condition must be an object (path/op/value, path/present, and, or, not)");
            return null;
        }
        for (String logical : LOGICAL) {
            if (node.has(logical)) {
                return logical(logical, Fields.of(node, context, problems, List.of(logical)));
            }
        }
        return comparison(Fields.of(node, context, problems, COMPARISON));
    }

    private static ChoiceCondition logical(String kind, Fields f) {
        f.finish();
        if (kind.equals("not")) {
            ChoiceCondition inner = read(f.required("not"), f.context() + ": not", f.problems());
            return inner == null ? null : new ChoiceCondition.Not(inner);
        }
        JsonNode list = f.array(kind, true);
        if (list == null) {
            return null;
        }
        if (list.isEmpty()) {
            f.problem("'" + kind + "' needs at least one condition");
            return null;
        }
        List<ChoiceCondition> conditions = new ArrayList<>();
        boolean complete = true;
        for (int i = 0; i < list.size(); i++) {
            ChoiceCondition c = read(list.get(i), f.context() + ": " + kind + " " + (i + 1), f.problems());
            complete &= c != null;
            conditions.add(c);
        }
        if (!complete) {
            return null;
        }
        return kind.equals("and") ? new ChoiceCondition.And(conditions) : new ChoiceCondition.Or(conditions);
    }

    private static ChoiceCondition comparison(Fields f) {
        String path = f.requiredString("path");
        List<String> operands = OPERANDS.stream().filter(f::has).toList();
        ChoiceCondition result;
        if (f.has("present")) {
            if (f.has("op") || !operands.isEmpty()) {
                f.problem("'present' takes no 'op' or value");
            }
            Boolean present = f.bool("present");
            result = path == null || present == null ? null : new ChoiceCondition.IsPresent(path, present);
        } else if (operands.size() != 1) {
            f.problem(operands.isEmpty()
                    ? "missing operand: one of 'string', 'number', 'boolean' (with 'op') or 'present'"
                    : "more than one operand: " + operands);
            operator(f);
            result = null;
        } else {
            Operator op = operator(f);
            Object value = value(f, operands.get(0));
            if (value instanceof Boolean && op != null && op != Operator.EQ) {
                f.problem("booleans compare with 'eq' only, not '" + op.name().toLowerCase(Locale.ROOT) + "'");
                op = null;
            }
            result = path == null || op == null || value == null ? null : new ChoiceCondition.Compare(path, op, value);
        }
        f.finish();
        return result;
    }

    private static Operator operator(Fields f) {
        String op = f.requiredString("op");
        if (op == null) {
            return null;
        }
        for (Operator candidate : Operator.values()) {
            if (candidate.name().toLowerCase(Locale.ROOT).equals(op)) {
                return candidate;
            }
        }
        f.problem("unknown operator '" + op + "' (use eq, lt, le, gt, ge)");
        return null;
    }

    private static Object value(Fields f, String operand) {
        JsonNode value = f.get(operand);
        switch (operand) {
            case "string":
                if (value.isValueNode()) {
                    return value.asText();
                }
                break;
            case "number":
                if (value.isNumber()) {
                    return value.decimalValue();
                }
                if (value.isTextual()) {
                    try {
                        return new BigDecimal(value.textValue().trim());
                    } catch (NumberFormatException e) {
                        // reported below
                    }
                }
                break;
            default:
                if (value.isBoolean()) {
                    return value.booleanValue();
                }
                break;
        }
        f.problem("'" + operand + "' must be a " + operand + ", not " + value);
        return null;
    }
}
