package io.skystate.api.state;

import io.skystate.api.InvalidKeyException;
import java.nio.charset.StandardCharsets;

/**
 * The address of a record: a {@code group} (the partition: DynamoDB partition key, Cosmos DB logical partition,
 * Firestore parent document) and an {@code id} within it.
 *
 * <p>Any Unicode string works on every provider: adapters apply a reversible encoding, so characters a provider
 * forbids ({@code / \ ? #}, ids {@code .} and {@code ..}, {@code __x__}) round-trip unchanged. Each part must be
 * 1 to {@value #MAX_LENGTH} UTF-16 chars (so at most 768 UTF-8 bytes) and well-formed Unicode (no unpaired
 * surrogates); anything else is rejected with {@link InvalidKeyException} before any provider call.
 *
 * <p>Keys order by the UTF-8 bytes of their id (equivalently, by Unicode code point), on every provider.
 */
public record Key(String group, String id) implements Comparable<Key> {
    /** Maximum length of a group or id in UTF-16 chars. */
    public static final int MAX_LENGTH = 256;

    public Key {
        validatePart("group", group);
        validatePart("id", id);
    }

    public static Key of(String group, String id) {
        return new Key(group, id);
    }

    /** Validates one part of a key; public so adapters can validate a bare group (for listing) the same way. */
    public static void validatePart(String what, String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidKeyException("skystate", "key " + what + " must not be empty");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidKeyException("skystate",
                    "key " + what + " has " + value.length() + " chars; the portable maximum is " + MAX_LENGTH);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidKeyException("skystate", "key " + what + " has an unpaired surrogate at index " + i);
            }
        }
    }

    @Override
    public int compareTo(Key other) {
        int byGroup = compareUtf8(group, other.group);
        return byGroup != 0 ? byGroup : compareUtf8(id, other.id);
    }

    /** Compares two strings by their UTF-8 bytes, the order every adapter lists in. */
    public static int compareUtf8(String a, String b) {
        return java.util.Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
