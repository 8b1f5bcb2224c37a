package io.skystate.bench.awscanned;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The condition expressions {@link LoopbackDynamo} evaluates: exactly the two adapter-aws sends (and the
 * hand-written side copies): {@code ifVersion} and {@code ifAbsent}, both treating an item past its {@code expms}
 * as absent. Any other expression is answered with a {@code ValidationException}, so a request the endpoint does
 * not understand fails loudly instead of being acknowledged.
 */
final class LoopbackConditions {
    static final String IF_VERSION = "ver = :ver AND (attribute_not_exists(expms) OR expms > :now)";
    static final String IF_ABSENT = "attribute_not_exists(pk) OR expms <= :now";

    private LoopbackConditions() {
    }

    /** Whether {@code expression} (null: none) holds for {@code current} (null: no item). */
    static boolean holds(JsonNode expression, JsonNode values, JsonNode current) {
        if (expression == null || expression.isNull()) {
            return true;
        }
        String text = expression.asText();
        if (text.equals(IF_VERSION)) {
            return current != null && value(values, ":ver", "S").equals(current.path("ver").path("S").asText())
                    && (!current.has("expms") || expms(current) > Long.parseLong(value(values, ":now", "N")));
        }
        if (text.equals(IF_ABSENT)) {
            return current == null || current.has("expms") && expms(current) <= Long.parseLong(value(values, ":now", "N"));
        }
        throw LoopbackError.validation("the loopback endpoint does not evaluate the condition " + text);
    }

    private static long expms(JsonNode item) {
        return Long.parseLong(item.path("expms").path("N").asText());
    }

    private static String value(JsonNode values, String name, String type) {
        JsonNode v = values == null ? null : values.path(name).get(type);
        if (v == null || !v.isTextual()) {
            throw LoopbackError.validation("An expression attribute value used in expression is not defined: " + name);
        }
        return v.asText();
    }
}
