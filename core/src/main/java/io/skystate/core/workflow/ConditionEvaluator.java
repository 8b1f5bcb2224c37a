package io.skystate.core.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.skystate.api.workflow.ChoiceCondition;
import java.math.BigDecimal;
import java.util.Optional;

/** Evaluates {@link ChoiceCondition}s on workflow data with the semantics their Javadoc defines. */
public final class ConditionEvaluator {
    private ConditionEvaluator() {
    }

    public static boolean test(ChoiceCondition condition, JsonNode data) {
        if (condition instanceof ChoiceCondition.And and) {
            return and.all().stream().allMatch(c -> test(c, data));
        }
        if (condition instanceof ChoiceCondition.Or or) {
            return or.any().stream().anyMatch(c -> test(c, data));
        }
        if (condition instanceof ChoiceCondition.Not not) {
            return !test(not.condition(), data);
        }
        if (condition instanceof ChoiceCondition.IsPresent present) {
            return JsonPaths.read(data, present.path()).isPresent() == present.present();
        }
        ChoiceCondition.Compare compare = (ChoiceCondition.Compare) condition;
        Optional<JsonNode> node = JsonPaths.read(data, compare.path());
        if (node.isEmpty()) {
            return false;
        }
        Integer order = compareTo(node.get(), compare.value());
        if (order == null) {
            return false;
        }
        return switch (compare.operator()) {
            case EQ -> order == 0;
            case LT -> order < 0;
            case LE -> order <= 0;
            case GT -> order > 0;
            case GE -> order >= 0;
        };
    }

    /** Sign of {@code node - value}, or null when their types differ. */
    private static Integer compareTo(JsonNode node, Object value) {
        if (value instanceof String text) {
            return node.isTextual() ? Integer.signum(compareCodePoints(node.textValue(), text)) : null;
        }
        if (value instanceof BigDecimal number) {
            return node.isNumber() ? Integer.signum(node.decimalValue().compareTo(number)) : null;
        }
        return node.isBoolean() ? (node.booleanValue() == (Boolean) value ? 0 : 1) : null;
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
