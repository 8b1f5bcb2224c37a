package io.skystate.core.crypto;

import io.skystate.api.KeyRing;
import java.security.SecureRandom;

/** Key generation and random ids. */
public final class Keys {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Keys() {
    }

    /** A fresh random 32-byte key. */
    public static byte[] newKey() {
        byte[] key = new byte[KeyRing.MIN_KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    /** A ring holding one fresh random key. */
    public static KeyRing randomRing(String keyId) {
        return KeyRing.of(keyId, newKey());
    }

    /** 128 random bits as 32 lower-case hex chars: unguessable ids. */
    public static String randomId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        StringBuilder sb = new StringBuilder(32);
        for (byte b : bytes) {
            sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return sb.toString();
    }

    static SecureRandom random() {
        return RANDOM;
    }
}
