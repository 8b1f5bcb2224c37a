package io.skystate.core.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skystate.api.workflow.DataPath;
import java.util.List;
import java.util.Optional;

/** Reads and writes {@link DataPath}s on Jackson trees. Writing never mutates its input. */
public final class JsonPaths {
    private JsonPaths() {
    }

    /** The node at {@code path}, or empty when some segment is missing or of the wrong kind. */
    public static Optional<JsonNode> read(JsonNode root, String path) {
        JsonNode node = root;
        for (Object segment : DataPath.segments(path)) {
            if (segment instanceof String field) {
                node = node.isObject() ? node.get(field) : null;
            } else {
                int index = (Integer) segment;
                node = node.isArray() && index < node.size() ? node.get(index) : null;
            }
            if (node == null) {
                return Optional.empty();
            }
        }
        return Optional.of(node);
    }

    /**
     * A copy of {@code root} with {@code value} at {@code path}; missing objects on the way are created.
     * Throws {@link DataPathException} when the path runs through a scalar or past the end of an array.
     */
    public static JsonNode write(JsonNode root, String path, JsonNode value) {
        List<Object> segments = DataPath.segments(path);
        if (segments.isEmpty()) {
            return value;
        }
        JsonNode copy = root == null || !root.isContainerNode() ? JsonNodeFactory.instance.objectNode() : root.deepCopy();
        JsonNode parent = copy;
        for (int i = 0; i < segments.size() - 1; i++) {
            parent = child(parent, segments.get(i), path);
        }
        Object last = segments.get(segments.size() - 1);
        if (last instanceof String field && parent instanceof ObjectNode object) {
            object.set(field, value);
        } else if (last instanceof Integer index && parent instanceof ArrayNode array && index < array.size()) {
            array.set(index, value);
        } else {
            throw new DataPathException("cannot write " + path + ": its parent is not a matching object or array");
        }
        return copy;
    }

    private static JsonNode child(JsonNode parent, Object segment, String path) {
        if (segment instanceof String field && parent instanceof ObjectNode object) {
            JsonNode next = object.get(field);
            if (next == null || next.isNull()) {
                next = object.putObject(field);
            }
            return next;
        }
        if (segment instanceof Integer index && parent instanceof ArrayNode array && index < array.size()) {
            return array.get(index);
        }
        throw new DataPathException("cannot write " + path + ": segment " + segment + " is missing or not a container");
    }

    /** A path did not fit the data. Reported as {@link io.skystate.api.workflow.WorkflowErrors#DATA_ERROR}. */
    public static final class DataPathException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public DataPathException(String message) {
            super(message);
        }
    }
}
