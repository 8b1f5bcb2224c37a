package io.skystate.core.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Fits an {@link OrderedKeyEncoding} into a native key of at most {@code maxLength} characters while keeping listing
 * order recoverable. An encoding of at most {@code prefixLength(maxLength)} characters is used verbatim. A longer one
 * becomes {@code T + '|' + H}: its first {@code prefixLength} characters {@code T}, the separator {@value #SEPARATOR}
 * (which no encoding contains) and {@value #HASH_CHARS} hex digits of the SHA-256 of the original part.
 *
 * <p><b>Order.</b> Native keys compare in the portable order except <em>within one bucket</em>: the truncated keys
 * that share the prefix {@code T}. A bucket holds keys only of that form (plus at most the verbatim key equal to
 * {@code T}, which sorts first, as it should), lies between {@link #bucketStart} (inclusive) and {@link #bucketEnd}
 * (exclusive), and no other native key falls inside that range. Within a bucket the hash decides the native order,
 * so a store keeps the full part in the record and sorts a bucket in memory when it lists one. Buckets appear only
 * for parts whose encodings are longer than the prefix and agree on all of it, which is rare.
 *
 * <p>Stateless and thread-safe.
 */
public final class BoundedKey {
    /** Marks a truncated key; sorts after every character an encoding uses. */
    public static final char SEPARATOR = '|';
    /** Sorts right after {@link #SEPARATOR}: {@code T + END} bounds bucket {@code T}. */
    public static final char END = '}';
    /** Hex digits of the hash in a truncated key. */
    public static final int HASH_CHARS = 32;

    private BoundedKey() {
    }

    /** How many characters of the encoding a truncated key keeps. */
    public static int prefixLength(int maxLength) {
        if (maxLength < HASH_CHARS + 2) {
            throw new IllegalArgumentException("a bounded key needs at least " + (HASH_CHARS + 2) + " characters");
        }
        return maxLength - 1 - HASH_CHARS;
    }

    /** The native key for {@code part} under {@code maxLength}. */
    public static String of(String part, int maxLength) {
        String encoded = OrderedKeyEncoding.encode(part);
        int prefix = prefixLength(maxLength);
        if (encoded.length() <= prefix) {
            return encoded;
        }
        return encoded.substring(0, prefix) + SEPARATOR + hash(part);
    }

    /** Whether {@code nativeKey} was truncated (its record must hold the full part). */
    public static boolean isTruncated(String nativeKey) {
        return nativeKey.indexOf(SEPARATOR) >= 0;
    }

    /** The part {@code nativeKey} stands for, if it was not truncated. */
    public static String decodeVerbatim(String nativeKey) {
        if (isTruncated(nativeKey)) {
            throw new IllegalArgumentException("a truncated key cannot be decoded: read the full part from its record");
        }
        return OrderedKeyEncoding.decode(nativeKey);
    }

    /** The prefix {@code T} of a truncated key. */
    public static String bucket(String truncatedKey) {
        return truncatedKey.substring(0, truncatedKey.indexOf(SEPARATOR));
    }

    /** The smallest native key of bucket {@code prefix}. */
    public static String bucketStart(String prefix) {
        return prefix + SEPARATOR;
    }

    /** A bound above every key of bucket {@code prefix} and below every greater key outside it. */
    public static String bucketEnd(String prefix) {
        return prefix + END;
    }

    private static String hash(String part) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(part.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(HASH_CHARS);
            for (int i = 0; i < HASH_CHARS / 2; i++) {
                hex.append(Character.toUpperCase(Character.forDigit((digest[i] >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(digest[i] & 0xF, 16)));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
