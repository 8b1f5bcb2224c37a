package io.skystate.gcpworkflows.internal.value;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts between JSON text and Workflows values. JSON integers that fit 64 bits become integers, other numbers
 * doubles. Bytes cannot be JSON-encoded (https://cloud.google.com/workflows/docs/reference/syntax/datatypes#bytes):
 * encoding them is a TypeError. Stateless and thread-safe.
 */
public final class JsonValues {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonValues() {
    }

    /** Parses JSON text; malformed text is a ValueError. */
    public static Object parse(String json) {
        try {
            return fromNode(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw WorkflowError.valueError("invalid JSON: " + e.getOriginalMessage());
        }
    }

    public static Object fromNode(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        } else if (node.isBoolean()) {
            return node.booleanValue();
        } else if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : (Object) node.doubleValue();
        } else if (node.isNumber()) {
            return node.doubleValue();
        } else if (node.isTextual()) {
            return node.textValue();
        } else if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(item -> list.add(fromNode(item)));
            return list;
        } else if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                map.put(field.getKey(), fromNode(field.getValue()));
            }
            return map;
        }
        throw WorkflowError.valueError("unsupported JSON node " + node.getNodeType());
    }

    public static JsonNode toNode(Object value) {
        JsonNodeFactory factory = JsonNodeFactory.instance;
        if (value == null) {
            return factory.nullNode();
        } else if (value instanceof Boolean b) {
            return factory.booleanNode(b);
        } else if (value instanceof Long l) {
            return factory.numberNode(l);
        } else if (value instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                throw WorkflowError.valueError("cannot JSON-encode " + Values.formatDouble(d));
            }
            return factory.numberNode(d);
        } else if (value instanceof String s) {
            return factory.textNode(s);
        } else if (value instanceof Bytes) {
            throw WorkflowError.typeError("bytes cannot be JSON-encoded; use base64.encode or text.decode first");
        } else if (value instanceof List<?> list) {
            ArrayNode array = factory.arrayNode(list.size());
            list.forEach(item -> array.add(toNode(item)));
            return array;
        } else if (value instanceof Map<?, ?> map) {
            ObjectNode object = factory.objectNode();
            map.forEach((key, item) -> object.set((String) key, toNode(item)));
            return object;
        }
        throw new IllegalArgumentException("not a Workflows value: " + value.getClass().getName());
    }

    /** Compact JSON text of a value. */
    public static String write(Object value) {
        return write(value, false);
    }

    public static String write(Object value, boolean pretty) {
        try {
            return (pretty ? PRETTY : MAPPER).writeValueAsString(toNode(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON tree could not be written", e);
        }
    }
}
