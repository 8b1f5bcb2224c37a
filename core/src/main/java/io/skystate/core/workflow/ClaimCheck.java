package io.skystate.core.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skystate.api.state.Key;
import io.skystate.api.state.ListRequest;
import io.skystate.api.state.Page;
import io.skystate.api.state.PutOptions;
import io.skystate.api.state.StateEntry;
import io.skystate.api.state.StateStore;
import io.skystate.api.state.StateValue;
import io.skystate.core.crypto.Keys;
import io.skystate.core.json.JacksonCodec;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Claim check for workflow data: a step result whose JSON exceeds {@link #THRESHOLD_BYTES} is stored in a state
 * store (in chunks under the record cap) and replaced by a small reference {@code {"$claim": id, "bytes": n}};
 * {@link #resolve} swaps references back before a handler sees its input or a caller sees the output. The
 * threshold keeps workflow data far below Step Functions' 256 KiB and Workflows' 512 KB limits. Claims expire
 * after {@link #RETENTION}. Choice conditions see the reference, not the content, of an offloaded result.
 */
public final class ClaimCheck {
    /** Results larger than this many bytes of JSON are offloaded. */
    public static final int THRESHOLD_BYTES = 32 * 1024;
    /** How long offloaded results are kept. */
    public static final Duration RETENTION = Duration.ofDays(30);
    static final String FIELD = "$claim";
    private static final int CHUNK_BYTES = 256 * 1024;

    private final StateStore store;
    private final JacksonCodec codec;
    private final Clock clock;

    public ClaimCheck(StateStore store, JacksonCodec codec, Clock clock) {
        this.store = store;
        this.codec = codec;
        this.clock = clock;
    }

    /** {@code value} itself if small, else a reference to its stored copy. */
    public JsonNode offload(JsonNode value) {
        byte[] json = codec.encode(value);
        if (json.length <= THRESHOLD_BYTES) {
            return value;
        }
        String id = Keys.randomId();
        PutOptions options = PutOptions.always().expiringAt(clock.instant().plus(RETENTION));
        for (int offset = 0, chunk = 0; offset < json.length; offset += CHUNK_BYTES, chunk++) {
            byte[] part = Arrays.copyOfRange(json, offset, Math.min(json.length, offset + CHUNK_BYTES));
            store.put(new Key("claim-" + id, String.format("%06d", chunk)), StateValue.bytes(part), options);
        }
        ObjectNode reference = codec.mapper().createObjectNode();
        reference.put(FIELD, id);
        reference.put("bytes", json.length);
        return reference;
    }

    /**
     * {@code data} with every claim reference in it replaced by the stored value. Copy on write: containers with no
     * reference below them are returned as they are, so resolving data without claims costs one walk.
     */
    public JsonNode resolve(JsonNode data) {
        Optional<String> claim = claimId(data);
        if (claim.isPresent()) {
            return load(claim.get());
        }
        JsonNode result = data;
        if (data.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = data.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode resolved = resolve(field.getValue());
                if (resolved != field.getValue()) {
                    result = withChild(result, data, field.getKey(), resolved);
                }
            }
        } else if (data.isArray()) {
            for (int i = 0; i < data.size(); i++) {
                JsonNode resolved = resolve(data.get(i));
                if (resolved != data.get(i)) {
                    result = withChild(result, data, i, resolved);
                }
            }
        }
        return result;
    }

    /**
     * {@code data} with every claim reference met while walking {@code path} from the root replaced by its content,
     * so the path can be read or written as if nothing had been offloaded. Only the containers on the path are copied.
     */
    public JsonNode resolvePath(JsonNode data, String path) {
        return along(data, io.skystate.api.workflow.DataPath.segments(path), 0);
    }

    private JsonNode along(JsonNode node, List<Object> segments, int index) {
        JsonNode current = claimId(node).map(this::load).orElse(node);
        if (index == segments.size()) {
            return current;
        }
        Object segment = segments.get(index);
        JsonNode child = segment instanceof String field ? current.get(field)
                : current.isArray() && (Integer) segment < current.size() ? current.get((Integer) segment) : null;
        if (child == null) {
            return current;
        }
        JsonNode resolved = along(child, segments, index + 1);
        return resolved == child ? current : withChild(current, current, segment, resolved);
    }

    /**
     * {@code container} with one child replaced: a shallow copy when {@code container} is still {@code original}
     * (never mutate the caller's data), otherwise the copy made earlier, in place.
     */
    private static JsonNode withChild(JsonNode container, JsonNode original, Object segment, JsonNode child) {
        if (container instanceof ObjectNode object) {
            ObjectNode target = object;
            if (container == original) {
                target = object.objectNode();
                target.setAll(object);
            }
            target.set((String) segment, child);
            return target;
        }
        ArrayNode target = (ArrayNode) container;
        if (container == original) {
            target = target.arrayNode();
            target.addAll((ArrayNode) container);
        }
        target.set((Integer) segment, child);
        return target;
    }

    private static Optional<String> claimId(JsonNode node) {
        return node.isObject() && node.size() == 2 && node.path(FIELD).isTextual() && node.has("bytes")
                ? Optional.of(node.get(FIELD).asText()) : Optional.empty();
    }

    private JsonNode load(String id) {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        Optional<ListRequest> request = Optional.of(ListRequest.firstPage("claim-" + id, 100));
        while (request.isPresent()) {
            Page page = store.list(request.get());
            for (StateEntry chunk : page.entries()) {
                json.writeBytes(chunk.value().bytes());
            }
            request = request.get().next(page);
        }
        if (json.size() == 0) {
            throw new JsonPaths.DataPathException("claim " + id + " is missing or expired");
        }
        return codec.tree(json.toByteArray());
    }
}
