package io.skystate.core.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF with HMAC-SHA256 (RFC 5869): derives independent keys for each purpose (callback tokens, handler requests,
 * session encryption) from one ring key, so no key ever serves two algorithms or two protocols. Stateless.
 */
public final class Hkdf {
    private static final int HASH_BYTES = 32;
    private static final byte[] SALT = "skystate-hkdf-v1".getBytes(StandardCharsets.US_ASCII);

    private Hkdf() {
    }

    /** {@code length} bytes of key material for {@code purpose} derived from {@code ringKey}. */
    public static byte[] derive(byte[] ringKey, String purpose, int length) {
        if (length < 1 || length > 255 * HASH_BYTES) {
            throw new IllegalArgumentException("HKDF output length must be 1.." + 255 * HASH_BYTES + ": " + length);
        }
        byte[] prk = hmac(SALT, ringKey);
        byte[] info = purpose.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream okm = new ByteArrayOutputStream(length);
        byte[] previous = new byte[0];
        for (int counter = 1; okm.size() < length; counter++) {
            ByteArrayOutputStream block = new ByteArrayOutputStream();
            block.writeBytes(previous);
            block.writeBytes(info);
            block.write(counter);
            previous = hmac(prk, block.toByteArray());
            okm.write(previous, 0, Math.min(previous.length, length - okm.size()));
        }
        return okm.toByteArray();
    }

    static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
