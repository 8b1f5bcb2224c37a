package io.skystate.api;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Secret keys by key id, for signing callback tokens and sealing sessions. New tokens use {@code currentKeyId};
 * tokens made with any other key in the ring are still accepted, so keys rotate by adding a new current key and
 * dropping the old one once its tokens have expired. Keys must be at least 32 bytes.
 */
public final class KeyRing {
    /** Minimum key size in bytes. */
    public static final int MIN_KEY_BYTES = 32;

    private final String currentKeyId;
    private final Map<String, byte[]> keys;

    public KeyRing(String currentKeyId, Map<String, byte[]> keys) {
        Arguments.notNull(currentKeyId, "currentKeyId");
        if (!keys.containsKey(currentKeyId)) {
            throw new InvalidRequestException("skystate", "the current key id '" + currentKeyId + "' is not in the ring");
        }
        Map<String, byte[]> copy = new HashMap<>();
        keys.forEach((id, key) -> {
            if (id.isEmpty() || !id.matches("[A-Za-z0-9_-]{1,32}")) {
                throw new InvalidRequestException("skystate", "key ids are 1-32 chars of [A-Za-z0-9_-]: '" + id + "'");
            }
            if (key.length < MIN_KEY_BYTES) {
                throw new InvalidRequestException("skystate", "key '" + id + "' has " + key.length + " bytes; need " + MIN_KEY_BYTES);
            }
            copy.put(id, key.clone());
        });
        this.currentKeyId = currentKeyId;
        this.keys = Map.copyOf(copy);
    }

    /** A ring holding one key. */
    public static KeyRing of(String keyId, byte[] key) {
        return new KeyRing(keyId, Map.of(keyId, key));
    }

    /** A new ring whose current key is {@code keyId}, keeping every key of this ring for verification. */
    public KeyRing rotateTo(String keyId, byte[] key) {
        Map<String, byte[]> next = new HashMap<>(keys);
        next.put(keyId, key);
        return new KeyRing(keyId, next);
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    /** A copy of the key with this id, or null if the ring does not hold it. */
    public byte[] key(String keyId) {
        byte[] key = keys.get(keyId);
        return key == null ? null : key.clone();
    }

    @Override
    public String toString() {
        return "KeyRing[current=" + currentKeyId + ", ids=" + keys.keySet() + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyRing other && currentKeyId.equals(other.currentKeyId)
                && keys.keySet().equals(other.keys.keySet())
                && keys.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), other.keys.get(e.getKey())));
    }

    @Override
    public int hashCode() {
        return currentKeyId.hashCode() * 31 + keys.keySet().hashCode();
    }
}
