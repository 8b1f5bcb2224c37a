package io.skystate.core.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a random 96-bit nonce. The cipher key is derived from the ring key with {@link Hkdf} (purpose
 * {@value #PURPOSE}), so the same ring key never serves both as HMAC and AES key.
 */
public final class Aead {
    static final String PURPOSE = "skystate session aes-256-gcm";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private Aead() {
    }

    /** {@code nonce | ciphertext | tag}. */
    public static byte[] seal(byte[] ringKey, byte[] plain, byte[] aad) {
        byte[] nonce = new byte[NONCE_BYTES];
        Keys.random().nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, ringKey, nonce);
            cipher.updateAAD(aad);
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** The plaintext, or empty if the data was tampered with or sealed under another key. */
    public static Optional<byte[]> open(byte[] ringKey, byte[] sealed, byte[] aad) {
        if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
            return Optional.empty();
        }
        byte[] nonce = java.util.Arrays.copyOf(sealed, NONCE_BYTES);
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, ringKey, nonce);
            cipher.updateAAD(aad);
            return Optional.of(cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES));
        } catch (AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    private static Cipher cipher(int mode, byte[] ringKey, byte[] nonce) throws GeneralSecurityException {
        byte[] aesKey = Hkdf.derive(ringKey, PURPOSE, 32);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(aesKey, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        return cipher;
    }
}
