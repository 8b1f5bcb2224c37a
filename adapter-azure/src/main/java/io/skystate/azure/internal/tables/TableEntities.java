package io.skystate.azure.internal.tables;

import com.azure.data.tables.models.TableEntity;
import io.skystate.api.state.ContentType;
import io.skystate.api.state.Key;
import io.skystate.api.state.StateEntry;
import io.skystate.api.state.StateValue;
import io.skystate.api.state.Version;
import io.skystate.azure.internal.Conditions;
import io.skystate.core.keys.BoundedKey;
import io.skystate.core.keys.OrderedKeyEncoding;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * The entity layout of a store's table. {@code PartitionKey} and {@code RowKey} are {@link BoundedKey}s (at most
 * {@value #KEY_LENGTH} ASCII characters: Azure Cosmos DB for Table's RowKey limit; Table Storage allows 1 KiB) of
 * the group and id; properties: {@code g} and {@code k} the full {@link OrderedKeyEncoding}s of group and id (a
 * truncated native key cannot be decoded), {@code t} the content type, {@code v} the Skystate version, {@code x} the
 * exact expiry in epoch millis (absent: never), {@code n} the number of value chunks and {@code d0..d6} the value in
 * binary chunks of at most 64 KiB, the size limit of one property (an entity holds 1 MiB). Stateless.
 */
final class TableEntities {
    static final int KEY_LENGTH = 255;
    static final int CHUNK_BYTES = 64 * 1024;
    static final String GROUP = "g";
    static final String ID = "k";
    static final String TYPE = "t";
    static final String VERSION = "v";
    static final String EXPIRES = "x";
    static final String CHUNKS = "n";
    static final String ETAG = "odata.etag";

    private TableEntities() {
    }

    static String partitionKey(String group) {
        return BoundedKey.of(group, KEY_LENGTH);
    }

    static String rowKey(String id) {
        return BoundedKey.of(id, KEY_LENGTH);
    }

    static TableEntity entity(Key key, StateValue value, String version, Optional<Instant> expiresAt) {
        TableEntity entity = keys(key);
        entity.addProperty(TYPE, value.type().ordinal());
        entity.addProperty(VERSION, version);
        expiresAt.ifPresent(at -> entity.addProperty(EXPIRES, at.toEpochMilli()));
        byte[] bytes = value.bytes();
        int chunks = (bytes.length + CHUNK_BYTES - 1) / CHUNK_BYTES;
        entity.addProperty(CHUNKS, chunks);
        for (int i = 0; i < chunks; i++) {
            entity.addProperty("d" + i, Arrays.copyOfRange(bytes, i * CHUNK_BYTES, Math.min(bytes.length, (i + 1) * CHUNK_BYTES)));
        }
        return entity;
    }

    /** An invisible record (expired at the epoch) that holds a key's place, proving it absent inside a transaction. */
    static TableEntity placeholder(Key key) {
        TableEntity entity = keys(key);
        entity.addProperty(TYPE, ContentType.BYTES.ordinal());
        entity.addProperty(VERSION, "");
        entity.addProperty(EXPIRES, 0L);
        entity.addProperty(CHUNKS, 0);
        return entity;
    }

    /** Only the keys and the unchanged version: a merge of it proves the entity unchanged without changing it. */
    static TableEntity touch(Key key, String version) {
        return keys(key).addProperty(VERSION, version);
    }

    /** {@code entity} with the ETag that makes an update or delete conditional on it. */
    static TableEntity ifMatch(TableEntity entity, String etag) {
        return entity.addProperty(ETAG, etag);
    }

    /** Whether {@code entity} is what the write of {@code version} produced. */
    static boolean writtenBy(TableEntity entity, String version) {
        return entity != null && version.equals(version(entity));
    }

    static Conditions.Current current(TableEntity entity, long now) {
        return entity == null ? null : new Conditions.Current(entity.getETag(), version(entity), !expired(entity, now));
    }

    /** The entry an entity holds, or empty once it has expired by {@code now}. */
    static Optional<StateEntry> entry(TableEntity entity, long now) {
        if (entity == null || expired(entity, now)) {
            return Optional.empty();
        }
        ContentType type = ContentType.values()[((Number) entity.getProperty(TYPE)).intValue()];
        int chunks = ((Number) entity.getProperty(CHUNKS)).intValue();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < chunks; i++) {
            bytes.writeBytes((byte[]) entity.getProperty("d" + i));
        }
        StateValue value = type == ContentType.JSON ? StateValue.json(bytes.toByteArray()) : StateValue.bytes(bytes.toByteArray());
        Optional<Instant> expiresAt = Optional.ofNullable((Number) entity.getProperty(EXPIRES))
                .map(x -> Instant.ofEpochMilli(x.longValue()));
        return Optional.of(new StateEntry(key(entity), value, new Version(version(entity)), expiresAt));
    }

    static Key key(TableEntity entity) {
        return new Key(OrderedKeyEncoding.decode((String) entity.getProperty(GROUP)),
                OrderedKeyEncoding.decode((String) entity.getProperty(ID)));
    }

    static String id(TableEntity entity) {
        return OrderedKeyEncoding.decode((String) entity.getProperty(ID));
    }

    static boolean expired(TableEntity entity, long now) {
        Object x = entity.getProperty(EXPIRES);
        return x != null && ((Number) x).longValue() <= now;
    }

    /** Bytes an entity of this value is charged in a transaction payload, generously (Base64 and property names). */
    static long payloadBytes(Key key, StateValue value) {
        return 1024L + 2L * (key.group().length() + key.id().length()) * 3 + (value.size() + 2L) / 3 * 4;
    }

    private static TableEntity keys(Key key) {
        TableEntity entity = new TableEntity(partitionKey(key.group()), rowKey(key.id()));
        entity.addProperty(GROUP, OrderedKeyEncoding.encode(key.group()));
        entity.addProperty(ID, OrderedKeyEncoding.encode(key.id()));
        return entity;
    }

    private static String version(TableEntity entity) {
        Object v = entity.getProperty(VERSION);
        return v == null ? "" : v.toString();
    }
}
