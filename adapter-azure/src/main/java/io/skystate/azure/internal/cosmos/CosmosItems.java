package io.skystate.azure.internal.cosmos;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skystate.api.state.ContentType;
import io.skystate.api.state.Key;
import io.skystate.api.state.StateEntry;
import io.skystate.api.state.StateValue;
import io.skystate.api.state.Version;
import io.skystate.azure.internal.Conditions;
import io.skystate.core.keys.BoundedKey;
import io.skystate.core.keys.OrderedKeyEncoding;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The item layout of a store's container. {@code id}: a {@link BoundedKey} of the key's id, at most
 * {@value #ID_LENGTH} characters of ASCII without {@code / \ ? #}, whose string order is the portable order (so it is
 * also the sort field); {@code pk} (the partition key path): the same for the group; {@code g} and {@code k}: the
 * full {@link OrderedKeyEncoding}s of group and id; {@code t} content type; {@code j} the JSON text or {@code b} the
 * Base64 bytes (a string, so numbers keep their precision); {@code x} the exact expiry in epoch millis and
 * {@code ttl} Cosmos DB's per-item TTL in seconds since the write, at least 1 (the container's default TTL is -1: on,
 * no default); {@code w} a random token of the write that produced the item. The version a caller sees is {@code <x>:<_etag>}: the ETag guards conditional writes and the expiry
 * in it lets an if-version write on an expired item fail without a read. Stateless.
 */
final class CosmosItems {
    static final int ID_LENGTH = 255;
    /** A random token per write: after an ambiguous failure, finding it in the item proves the write landed. */
    static final String NONCE = "w";

    private CosmosItems() {
    }

    static String id(String id) {
        return BoundedKey.of(id, ID_LENGTH);
    }

    static String partitionKey(String group) {
        return BoundedKey.of(group, ID_LENGTH);
    }

    static ObjectNode item(Key key, StateValue value, Optional<Instant> expiresAt, long now, String nonce) {
        ObjectNode item = keys(key);
        item.put(NONCE, nonce);
        item.put("t", value.type().ordinal());
        if (value.type() == ContentType.JSON) {
            item.put("j", value.asString());
        } else {
            item.put("b", Base64.getEncoder().encodeToString(value.bytes()));
        }
        expiresAt.ifPresent(at -> {
            item.put("x", at.toEpochMilli());
            item.put("ttl", Math.max(1, (at.toEpochMilli() - now + 999) / 1000));
        });
        return item;
    }

    /** An invisible item (expired at the epoch, deleted by Cosmos DB a second later) proving a key absent in a batch. */
    static ObjectNode placeholder(Key key) {
        ObjectNode item = keys(key);
        item.put("t", ContentType.BYTES.ordinal());
        item.put("b", "");
        item.put("x", 0L);
        item.put("ttl", 1);
        return item;
    }

    /** Whether {@code item} is what the write with {@code nonce} produced. */
    static boolean writtenBy(ObjectNode item, String nonce) {
        return item != null && nonce.equals(item.path(NONCE).asText(null));
    }

    static Version version(ObjectNode item, String etag) {
        return new Version(versionOf(item.has("x") ? item.get("x").asLong() : null, etag));
    }

    static String versionOf(Long expiresAt, String etag) {
        return (expiresAt == null ? "" : Long.toString(expiresAt)) + ":" + etag;
    }

    /** The ETag inside a version, or null if the version is not one of this store's. */
    static String etagOf(Version version) {
        int colon = version.value().indexOf(':');
        return colon < 0 ? null : version.value().substring(colon + 1);
    }

    /** Whether a version says its record has expired by {@code now}. */
    static boolean versionExpired(Version version, long now) {
        int colon = version.value().indexOf(':');
        if (colon <= 0) {
            return false;
        }
        try {
            return Long.parseLong(version.value().substring(0, colon)) <= now;
        } catch (NumberFormatException foreign) {
            return true;
        }
    }

    static Conditions.Current current(ObjectNode item, long now) {
        if (item == null) {
            return null;
        }
        String etag = item.path("_etag").asText();
        return new Conditions.Current(etag, version(item, etag).value(), !expired(item, now));
    }

    static Optional<StateEntry> entry(ObjectNode item, long now) {
        if (item == null || expired(item, now)) {
            return Optional.empty();
        }
        ContentType type = ContentType.values()[item.path("t").asInt()];
        StateValue value = type == ContentType.JSON
                ? StateValue.json(item.path("j").asText().getBytes(StandardCharsets.UTF_8))
                : StateValue.bytes(Base64.getDecoder().decode(item.path("b").asText()));
        Optional<Instant> expiresAt = item.has("x") ? Optional.of(Instant.ofEpochMilli(item.get("x").asLong())) : Optional.empty();
        return Optional.of(new StateEntry(key(item), value, version(item, item.path("_etag").asText()), expiresAt));
    }

    static Key key(ObjectNode item) {
        return new Key(OrderedKeyEncoding.decode(item.path("g").asText()), OrderedKeyEncoding.decode(item.path("k").asText()));
    }

    static boolean expired(ObjectNode item, long now) {
        return item.has("x") && item.get("x").asLong() <= now;
    }

    /** The bytes an item is charged in a batch: its JSON, generously. */
    static long payloadBytes(Key key, StateValue value) {
        return 512L + 6L * (key.group().length() + key.id().length()) * 2
                + (value.type() == ContentType.JSON ? 2L * value.size() : (value.size() + 2L) / 3 * 4);
    }

    private static ObjectNode keys(Key key) {
        ObjectNode item = JsonNodeFactory.instance.objectNode();
        item.put("id", id(key.id()));
        item.put("pk", partitionKey(key.group()));
        item.put("g", OrderedKeyEncoding.encode(key.group()));
        item.put("k", OrderedKeyEncoding.encode(key.id()));
        return item;
    }
}
