package io.skystate.cli.internal.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a command's results go: {@link #table} and {@link #record} print aligned text or JSON by {@link Format};
 * {@link #text} prints a document as it is (a diagram, an exported definition); {@link #progress} writes to
 * standard error so it never mixes with results a script reads, and stays silent under {@code --quiet}.
 */
public final class Output {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final PrintWriter out;
    private final PrintWriter err;
    private final Format format;
    private final boolean quiet;

    public Output(PrintWriter out, PrintWriter err, Format format, boolean quiet) {
        this.out = out;
        this.err = err;
        this.format = format;
        this.quiet = quiet;
    }

    public Format format() {
        return format;
    }

    public PrintWriter out() {
        return out;
    }

    /** Rows under {@code columns}: a table, or a JSON array of objects keyed by column name. */
    public void table(List<String> columns, List<List<Object>> rows) {
        if (format == Format.JSON) {
            ArrayNode array = NODES.arrayNode();
            for (List<Object> row : rows) {
                ObjectNode object = array.addObject();
                for (int i = 0; i < columns.size(); i++) {
                    object.set(columns.get(i), node(row.get(i)));
                }
            }
            json(array);
        } else {
            TextTable.print(out, columns, rows.stream().map(r -> r.stream().map(Output::text).toList()).toList());
        }
        out.flush();
    }

    /** One object: {@code name  value} lines, or a JSON object. Insertion order is kept. */
    public void record(Map<String, ?> fields) {
        if (format == Format.JSON) {
            ObjectNode object = NODES.objectNode();
            fields.forEach((k, v) -> object.set(k, node(v)));
            json(object);
        } else {
            int width = fields.keySet().stream().mapToInt(String::length).max().orElse(0);
            fields.forEach((k, v) -> out.println(String.format("%-" + width + "s  %s", k, text(v))));
        }
        out.flush();
    }

    /** Several sections (such as a run, its steps and its callbacks) as one JSON object, or one after another. */
    public void sections(Map<String, Object> sections) {
        if (format == Format.JSON) {
            ObjectNode object = NODES.objectNode();
            sections.forEach((k, v) -> object.set(k, sectionNode(v)));
            json(object);
            out.flush();
            return;
        }
        boolean first = true;
        for (Map.Entry<String, Object> section : sections.entrySet()) {
            if (!first) {
                out.println();
                out.println(section.getKey() + ":");
            }
            first = false;
            if (section.getValue() instanceof Table t) {
                if (t.rows().isEmpty()) {
                    out.println("  (none)");
                } else {
                    table(t.columns(), t.rows());
                }
            } else if (section.getValue() instanceof Map<?, ?> m) {
                record(stringKeys(m));
            } else {
                out.println(text(section.getValue()));
            }
        }
        out.flush();
    }

    /** A document printed as it is, whatever the format. */
    public void text(String document) {
        out.print(document.endsWith("\n") ? document : document + "\n");
        out.flush();
    }

    /** A progress line on standard error, unless quiet. */
    public void progress(String line) {
        if (!quiet) {
            err.println(line);
            err.flush();
        }
    }

    /** A note on standard error (such as how to read the next page), unless quiet or printing JSON. */
    public void note(String line) {
        if (!quiet && format == Format.TABLE) {
            err.println(line);
            err.flush();
        }
    }

    /** Columns and rows, for {@link #sections}. */
    public record Table(List<String> columns, List<List<Object>> rows) {
    }

    private JsonNode sectionNode(Object value) {
        if (value instanceof Table t) {
            ArrayNode array = NODES.arrayNode();
            for (List<Object> row : t.rows()) {
                ObjectNode object = array.addObject();
                for (int i = 0; i < t.columns().size(); i++) {
                    object.set(t.columns().get(i), node(row.get(i)));
                }
            }
            return array;
        }
        if (value instanceof Map<?, ?> m) {
            ObjectNode object = NODES.objectNode();
            stringKeys(m).forEach((k, v) -> object.set(k, node(v)));
            return object;
        }
        return node(value);
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }

    private void json(JsonNode node) {
        try {
            out.println(MAPPER.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot print JSON", e);
        }
    }

    /** A value as JSON: documents embedded, instants and durations as ISO-8601 strings, empty optionals as null. */
    static JsonNode node(Object value) {
        if (value instanceof Optional<?> optional) {
            return optional.map(Output::node).orElse(NODES.nullNode());
        }
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof JsonText json) {
            try {
                return MAPPER.readTree(json.json());
            } catch (JsonProcessingException e) {
                return NODES.textNode(json.json());
            }
        }
        if (value instanceof Number || value instanceof Boolean) {
            return MAPPER.valueToTree(value);
        }
        if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode();
            list.forEach(v -> array.add(node(v)));
            return array;
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            map.forEach((k, v) -> object.set(String.valueOf(k), node(v)));
            return object;
        }
        return NODES.textNode(String.valueOf(value));
    }

    /** A value as table text: empty for absent values, durations in milliseconds or seconds. */
    static String text(Object value) {
        if (value instanceof Optional<?> optional) {
            return optional.map(Output::text).orElse("");
        }
        if (value == null) {
            return "";
        }
        if (value instanceof Duration d) {
            return d.toMillis() < 10_000 ? d.toMillis() + " ms" : d.toSeconds() + " s";
        }
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        if (value instanceof List<?> list) {
            return String.join(", ", list.stream().map(Output::text).toList());
        }
        return String.valueOf(value).replaceAll("[\\r\\n]+", " ");
    }
}
