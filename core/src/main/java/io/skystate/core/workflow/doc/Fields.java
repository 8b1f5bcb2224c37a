package io.skystate.core.workflow.doc;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Typed access to the fields of one object of a document. Problems (missing, mistyped, malformed) are reported to
 * {@link Problems} under this object's context and the accessor returns null or empty; {@link #finish()} reports
 * fields that are not {@code known}. A JSON null counts as absent.
 */
final class Fields {
    private final JsonNode node;
    private final String context;
    private final Problems problems;
    private final List<String> known;

    private Fields(JsonNode node, String context, Problems problems, List<String> known) {
        this.node = node;
        this.context = context;
        this.problems = problems;
        this.known = known;
    }

    /** The fields of {@code node}, or null (with a problem reported) when it is not an object. */
    static Fields of(JsonNode node, String context, Problems problems, List<String> known) {
        if (node == null || !node.isObject()) {
            problems.add(context, "must be an object");
            return null;
        }
        return new Fields(node, context, problems, known);
    }

    String context() {
        return context;
    }

    Problems problems() {
        return problems;
    }

    void problem(String message) {
        problems.add(context, message);
    }

    boolean has(String field) {
        return get(field) != null;
    }

    JsonNode get(String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value;
    }

    JsonNode required(String field) {
        JsonNode value = get(field);
        if (value == null) {
            problem("missing '" + field + "'");
        }
        return value;
    }

    /** An object field, or null when absent (reported when {@code required}) or not an object (reported). */
    JsonNode object(String field, boolean required) {
        JsonNode value = required ? required(field) : get(field);
        if (value != null && !value.isObject()) {
            problem("'" + field + "' must be an object");
            return null;
        }
        return value;
    }

    /** An array field, or null when absent (reported when {@code required}) or not an array (reported). */
    JsonNode array(String field, boolean required) {
        JsonNode value = required ? required(field) : get(field);
        if (value != null && !value.isArray()) {
            problem("'" + field + "' must be a list");
            return null;
        }
        return value;
    }

    Optional<String> string(String field) {
        JsonNode value = get(field);
        return value == null ? Optional.empty() : Optional.ofNullable(text(field, value));
    }

    String requiredString(String field) {
        JsonNode value = required(field);
        return value == null ? null : text(field, value);
    }

    private String text(String field, JsonNode value) {
        if (value.isValueNode()) {
            return value.asText();
        }
        problem("'" + field + "' must be a string");
        return null;
    }

    Integer requiredInt(String field) {
        JsonNode value = required(field);
        if (value == null) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return value.intValue();
        }
        problem("'" + field + "' must be an integer, not " + value);
        return null;
    }

    double number(String field, double defaultValue) {
        JsonNode value = get(field);
        if (value == null) {
            return defaultValue;
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        problem("'" + field + "' must be a number, not " + value);
        return defaultValue;
    }

    Boolean bool(String field) {
        JsonNode value = required(field);
        if (value == null) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        problem("'" + field + "' must be true or false, not " + value);
        return null;
    }

    /** A list of strings; a single string is accepted as a list of one. */
    List<String> strings(String field, boolean required) {
        JsonNode value = required ? required(field) : get(field);
        if (value == null) {
            return null;
        }
        List<String> result = new ArrayList<>();
        if (value.isArray()) {
            for (JsonNode element : value) {
                if (!element.isValueNode() || element.isNull()) {
                    problem("'" + field + "' must be a list of strings");
                    return null;
                }
                result.add(element.asText());
            }
        } else if (value.isValueNode()) {
            result.add(value.asText());
        } else {
            problem("'" + field + "' must be a list of strings");
            return null;
        }
        return result;
    }

    Optional<Duration> duration(String field) {
        return Optional.ofNullable(parseDuration(field, get(field)));
    }

    Duration requiredDuration(String field) {
        return parseDuration(field, required(field));
    }

    private Duration parseDuration(String field, JsonNode value) {
        if (value == null) {
            return null;
        }
        String text = text(field, value);
        if (text == null) {
            return null;
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            problem("malformed duration '" + field + "': '" + text + "' (use ISO-8601, e.g. PT30S)");
            return null;
        }
    }

    Optional<Instant> instant(String field) {
        JsonNode value = get(field);
        String text = value == null ? null : text(field, value);
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            problem("malformed instant '" + field + "': '" + text + "' (use ISO-8601 UTC, e.g. 2026-01-01T00:00:00Z)");
            return Optional.empty();
        }
    }

    /** Reports every field of the object that is not known (typos must not pass silently). */
    void finish() {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                problem("unknown field '" + name + "' (expected " + String.join(", ", known) + ")");
            }
        }
    }
}
