package io.skystate.aws.internal.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skystate.api.workflow.ChoiceCondition;
import java.math.BigDecimal;

/**
 * Choice conditions as ASL choice rules. Each comparison is guarded by {@code IsPresent} and a type test, because
 * ASL raises a runtime error on an absent variable where the portable semantics say the comparison is false.
 */
final class AslConditions {
    private static final JsonNodeFactory json = JsonNodeFactory.instance;

    private AslConditions() {
    }

    static ObjectNode of(ChoiceCondition condition) {
        ObjectNode node = json.objectNode();
        if (condition instanceof ChoiceCondition.Compare compare) {
            String variable = AslCompiler.dataPath(compare.path());
            ArrayNode all = node.putArray("And");
            all.addObject().put("Variable", variable).put("IsPresent", true);
            String type;
            String operator;
            JsonNode value;
            if (compare.value() instanceof String s) {
                type = "IsString";
                operator = "String" + operator(compare.operator());
                value = json.textNode(s);
            } else if (compare.value() instanceof BigDecimal d) {
                type = "IsNumeric";
                operator = "Numeric" + operator(compare.operator());
                value = number(d);
            } else {
                type = "IsBoolean";
                operator = "BooleanEquals";
                value = json.booleanNode((Boolean) compare.value());
            }
            all.addObject().put("Variable", variable).put(type, true);
            ObjectNode test = all.addObject().put("Variable", variable);
            test.set(operator, value);
        } else if (condition instanceof ChoiceCondition.IsPresent present) {
            node.put("Variable", AslCompiler.dataPath(present.path())).put("IsPresent", present.present());
        } else if (condition instanceof ChoiceCondition.And and) {
            ArrayNode all = node.putArray("And");
            and.all().forEach(c -> all.add(of(c)));
        } else if (condition instanceof ChoiceCondition.Or or) {
            ArrayNode any = node.putArray("Or");
            or.any().forEach(c -> any.add(of(c)));
        } else if (condition instanceof ChoiceCondition.Not not) {
            node.set("Not", of(not.condition()));
        }
        return node;
    }

    private static String operator(ChoiceCondition.Operator operator) {
        return switch (operator) {
            case EQ -> "Equals";
            case LT -> "LessThan";
            case LE -> "LessThanEquals";
            case GT -> "GreaterThan";
            case GE -> "GreaterThanEquals";
        };
    }

    private static JsonNode number(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() <= 0 && stripped.precision() - stripped.scale() <= 18) {
            long whole = stripped.longValueExact();
            return whole == (int) whole ? json.numberNode((int) whole) : json.numberNode(whole);
        }
        return json.numberNode(value.doubleValue());
    }
}
