package io.skystate.gcp.internal.workflows.yaml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes the workflow tree as compact, deterministic YAML: block style for the structure (steps, nested bodies),
 * flow style (JSON, which is YAML) for small maps and lists such as call arguments, assignments and switch
 * conditions. Strings are plain only when they cannot be read as anything else; otherwise JSON-quoted. Workflows
 * limits a source to 128 KB, which deep block indentation would eat quickly. Stateless and thread-safe.
 */
final class YamlWriter {
    /** Maps and lists whose JSON is at most this long are written on one line. */
    private static final int FLOW_WIDTH = 150;
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** Words YAML 1.1 parsers read as booleans or null. */
    private static final Set<String> SPECIAL = Set.of("y", "n", "yes", "no", "on", "off", "true", "false", "null");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StringBuilder out = new StringBuilder();

    private YamlWriter() {
    }

    static String write(Map<String, Object> root) {
        YamlWriter writer = new YamlWriter();
        writer.map(root, 0);
        return writer.out.toString();
    }

    private void map(Map<?, ?> map, int indent) {
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!first || indent > 0) {
                out.append(" ".repeat(indent));
            }
            first = false;
            entryAfterIndent(entry, indent);
        }
    }

    /** {@code key: value} where the indentation is already written. */
    private void entryAfterIndent(Map.Entry<?, ?> entry, int indent) {
        out.append(scalar(entry.getKey())).append(':');
        Object value = entry.getValue();
        if (inline(value)) {
            out.append(' ').append(flow(value)).append('\n');
        } else if (value instanceof Map<?, ?> nested) {
            out.append('\n');
            map(nested, indent + 2);
        } else {
            out.append('\n');
            list((List<?>) value, indent + 2);
        }
    }

    private void list(List<?> list, int indent) {
        for (Object item : list) {
            out.append(" ".repeat(indent)).append("- ");
            if (inline(item)) {
                out.append(flow(item)).append('\n');
            } else if (item instanceof Map<?, ?> map) {
                boolean first = true;
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    if (!first) {
                        out.append(" ".repeat(indent + 2));
                    }
                    first = false;
                    entryAfterIndent(entry, indent + 2);
                }
            } else {
                out.append('\n');
                list((List<?>) item, indent + 2);
            }
        }
    }

    private static boolean inline(Object value) {
        if (!(value instanceof Map<?, ?> || value instanceof List<?>)) {
            return true;
        }
        if (value instanceof Map<?, ?> map && (map.containsKey("steps") || map.containsKey("try"))) {
            return false;
        }
        return json(value).length() <= FLOW_WIDTH;
    }

    /** A value on one line: a scalar, or a small map or list as JSON. */
    private static String flow(Object value) {
        return value instanceof Map<?, ?> || value instanceof List<?> ? json(value) : scalar(value);
    }

    private static String scalar(Object value) {
        if (value instanceof String text) {
            return PLAIN.matcher(text).matches() && !SPECIAL.contains(text.toLowerCase(java.util.Locale.ROOT))
                    ? text : json(text);
        }
        return json(value);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value, e);
        }
    }
}
