package io.skystate.gcp.internal.firestore;

import com.google.cloud.Timestamp;
import com.google.cloud.firestore.Blob;
import com.google.cloud.firestore.DocumentSnapshot;
import io.skystate.api.state.ContentType;
import io.skystate.api.state.Key;
import io.skystate.api.state.StateEntry;
import io.skystate.api.state.StateValue;
import io.skystate.api.state.Version;
import io.skystate.core.keys.FirestoreIds;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The document layout of a record: {@code k} the encoded id (the document's own id, kept as a field so listings
 * order and page on it), {@code t} the content type ({@code json} or {@code bytes}), {@code v} the value (the JSON
 * text as a string, bytes as a blob, so every value reads back byte for byte), {@code ver} the version (random,
 * written by Skystate) and {@code x} the expiry: a Timestamp that is both the field of the collection group's TTL
 * policy (Firestore deletes the document, up to a day late) and the exact instant every read path filters on.
 * Stateless.
 */
final class Records {
    static final String SORT_KEY = "k";
    static final String TYPE = "t";
    static final String VALUE = "v";
    static final String VERSION = "ver";
    static final String EXPIRES = "x";

    private Records() {
    }

    static Version newVersion() {
        return new Version(Long.toHexString(ThreadLocalRandom.current().nextLong()));
    }

    static Map<String, Object> fields(Key key, StateValue value, Version version, Optional<Instant> expiresAt) {
        Map<String, Object> fields = new HashMap<>();
        fields.put(SORT_KEY, FirestoreIds.encode(key.id()));
        fields.put(TYPE, value.type() == ContentType.JSON ? "json" : "bytes");
        fields.put(VALUE, value.type() == ContentType.JSON ? value.asString() : Blob.fromBytes(value.bytes()));
        fields.put(VERSION, version.value());
        expiresAt.ifPresent(at -> fields.put(EXPIRES, Timestamp.ofTimeMicroseconds(Math.multiplyExact(at.toEpochMilli(), 1000))));
        return fields;
    }

    /** The visible entry a snapshot holds: empty when the document is missing or expired by {@code now}. */
    static Optional<StateEntry> entry(String group, DocumentSnapshot doc, long now) {
        if (!visible(doc, now)) {
            return Optional.empty();
        }
        StateValue value = "json".equals(doc.getString(TYPE))
                ? StateValue.json(doc.getString(VALUE).getBytes(StandardCharsets.UTF_8))
                : StateValue.bytes(doc.getBlob(VALUE).toBytes());
        Key key = new Key(group, FirestoreIds.decode(doc.getId()));
        return Optional.of(new StateEntry(key, value, new Version(doc.getString(VERSION)), expiry(doc)));
    }

    /** True when the document exists and has not expired by {@code now}. */
    static boolean visible(DocumentSnapshot doc, long now) {
        return doc.exists() && expiry(doc).map(at -> at.toEpochMilli() > now).orElse(true);
    }

    /** The version of a visible document, else empty. */
    static Optional<Version> visibleVersion(DocumentSnapshot doc, long now) {
        return visible(doc, now) ? Optional.of(new Version(doc.getString(VERSION))) : Optional.empty();
    }

    private static Optional<Instant> expiry(DocumentSnapshot doc) {
        Timestamp at = doc.getTimestamp(EXPIRES);
        return at == null ? Optional.empty() : Optional.of(at.toDate().toInstant());
    }
}
