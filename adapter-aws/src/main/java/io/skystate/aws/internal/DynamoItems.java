package io.skystate.aws.internal;

import io.skystate.api.state.ContentType;
import io.skystate.api.state.Key;
import io.skystate.api.state.StateEntry;
import io.skystate.api.state.StateValue;
import io.skystate.api.state.Version;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The item layout of a store's table: {@code pk} (S, the group), {@code sk} (B, the id's UTF-8 bytes, so Query
 * returns ids in UTF-8 order with no key encoding), {@code ct} content type, {@code val} (S for JSON, B for bytes),
 * {@code ver} version, {@code exp} native TTL (epoch seconds) and {@code expms} exact expiry (epoch millis) that
 * every read filters on, because DynamoDB deletes expired items only eventually.
 */
final class DynamoItems {
    static final String PK = "pk";
    static final String SK = "sk";
    static final String EXPMS = "expms";
    static final String TTL = "exp";

    private DynamoItems() {
    }

    static Map<String, AttributeValue> key(Key key) {
        return Map.of(PK, AttributeValue.fromS(key.group()),
                SK, AttributeValue.fromB(SdkBytes.fromUtf8String(key.id())));
    }

    static Map<String, AttributeValue> item(Key key, StateValue value, Version version, Optional<Instant> expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>(key(key));
        item.put("ct", AttributeValue.fromN(Integer.toString(value.type().ordinal())));
        item.put("val", value.type() == ContentType.JSON
                ? AttributeValue.fromS(value.asString()) : AttributeValue.fromB(SdkBytes.fromByteArray(value.bytes())));
        item.put("ver", AttributeValue.fromS(version.value()));
        expiresAt.ifPresent(at -> {
            item.put(EXPMS, AttributeValue.fromN(Long.toString(at.toEpochMilli())));
            item.put(TTL, AttributeValue.fromN(Long.toString(at.getEpochSecond())));
        });
        return item;
    }

    /** The entry an item holds, or empty when it has expired by {@code now}. */
    static Optional<StateEntry> entry(Map<String, AttributeValue> item, long now) {
        if (item == null || item.isEmpty() || expired(item, now)) {
            return Optional.empty();
        }
        ContentType type = ContentType.values()[Integer.parseInt(item.get("ct").n())];
        StateValue value = type == ContentType.JSON
                ? StateValue.json(item.get("val").s().getBytes(StandardCharsets.UTF_8))
                : StateValue.bytes(item.get("val").b().asByteArray());
        Optional<Instant> expiresAt = Optional.ofNullable(item.get(EXPMS)).map(a -> Instant.ofEpochMilli(Long.parseLong(a.n())));
        Key key = new Key(item.get(PK).s(), item.get(SK).b().asUtf8String());
        return Optional.of(new StateEntry(key, value, new Version(item.get("ver").s()), expiresAt));
    }

    static boolean expired(Map<String, AttributeValue> item, long now) {
        AttributeValue expms = item.get(EXPMS);
        return expms != null && Long.parseLong(expms.n()) <= now;
    }
}
