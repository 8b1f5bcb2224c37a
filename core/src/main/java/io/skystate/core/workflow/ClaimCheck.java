package io.skystate.core.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Claim check for workflow data, the same on every engine: a value whose JSON exceeds {@link #THRESHOLD_BYTES} is
 * stored in a state store (in chunks under the record cap) and replaced by a small reference
 * {@code {"$claim": id, "bytes": n}}; {@link #resolve} swaps references back before a handler sees its input or a
 * caller sees the output. The threshold keeps workflow data far below Step Functions' 256 KiB and Workflows'
 * 512 KB limits. Claims expire after {@link #RETENTION}.
 *
 * <p><b>What paths see.</b> Offloading moves the <em>largest values inside</em> a result first (recursively), and
 * only as many as needed, so the small parts of a large result stay in the document: a path can read and write
 * them, and a path that selects a moved value hands the handler its content. Paths and choice conditions never
 * look <em>inside</em> a moved value: there they see the reference object (Step Functions evaluates paths inside
 * ASL, where only the reference exists), so a comparison on it is false and a path into it selects nothing.
 * Thread-safe if the store is.
 */
public final class ClaimCheck {
    /** Results larger than this many bytes of JSON are offloaded. */
    public static final int THRESHOLD_BYTES = 32 * 1024;
    /** How long offloaded results are kept. */
    public static final Duration RETENTION = Duration.ofDays(30);
    static final String FIELD = "$claim";
    private static final int CHUNK_BYTES = 256 * 1024;
    /** Beyond this many members to move, a container is offloaded whole (a long list of small items). */
    private static final int MAX_MOVED_MEMBERS = 32;

    private final StateStore store;
    private final JacksonCodec codec;
    private final Clock clock;

    public ClaimCheck(StateStore store, JacksonCodec codec, Clock clock) {
        this.store = store;
        this.codec = codec;
        this.clock = clock;
    }

    /**
     * {@code value} itself if small; else, for an object or array, a copy whose largest members (each first
     * reduced the same way) are replaced by references until the copy is small; else a reference to a stored copy
     * of the whole value. Never mutates {@code value}.
     */
    public JsonNode offload(JsonNode value) {
        int size = codec.encode(value).length;
        if (size <= THRESHOLD_BYTES) {
            return value;
        }
        if (!value.isContainerNode() || value.isEmpty()) {
            return store(value);
        }
        JsonNode reduced = reduce(value);
        return reduced == null ? store(value) : reduced;
    }

    /** A copy of a container with members moved out until it fits, or null if too many would have to move. */
    private JsonNode reduce(JsonNode container) {
        JsonNode copy = container.deepCopy();
        List<Object> members = new ArrayList<>();
        Map<Object, Integer> sizes = new HashMap<>();
        long total = 2;
        for (Object member : members(container)) {
            JsonNode child = offload(child(container, member));
            set(copy, member, child);
            int childSize = codec.encode(child).length;
            sizes.put(member, childSize);
            members.add(member);
            total += childSize + 1 + (member instanceof String name ? codec.encode(TextNode.valueOf(name)).length + 1 : 0);
        }
        members.sort(Comparator.comparing(sizes::get).reversed());
        int moved = 0;
        for (Object member : members) {
            if (total <= THRESHOLD_BYTES) {
                return copy;
            }
            JsonNode child = child(copy, member);
            if (claimId(child).isPresent()) {
                continue;
            }
            if (++moved > MAX_MOVED_MEMBERS) {
                return null;
            }
            JsonNode reference = store(child);
            total -= sizes.get(member) - codec.encode(reference).length;
            set(copy, member, reference);
        }
        return total <= THRESHOLD_BYTES ? copy : null;
    }

    private JsonNode store(JsonNode value) {
        byte[] json = codec.encode(value);
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

    private static List<Object> members(JsonNode container) {
        List<Object> members = new ArrayList<>();
        if (container.isObject()) {
            container.fieldNames().forEachRemaining(members::add);
        } else {
            for (int i = 0; i < container.size(); i++) {
                members.add(i);
            }
        }
        return members;
    }

    private static JsonNode child(JsonNode container, Object member) {
        return member instanceof String name ? container.get(name) : container.get((Integer) member);
    }

    private static void set(JsonNode container, Object member, JsonNode value) {
        if (container instanceof ObjectNode object) {
            object.set((String) member, value);
        } else {
            ((ArrayNode) container).set((Integer) member, value);
        }
    }

    /**
     * {@code data} with every claim reference in it replaced by the stored value. Copy on write: containers with no
     * reference below them are returned as they are, so resolving data without claims costs one walk.
     */
    public JsonNode resolve(JsonNode data) {
        Optional<String> claim = claimId(data);
        if (claim.isPresent()) {
            return resolve(load(claim.get()));
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
