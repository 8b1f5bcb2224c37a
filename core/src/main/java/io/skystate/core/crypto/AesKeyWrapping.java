package io.skystate.core.crypto;

import io.skystate.api.InvalidTokenException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link KeyWrapping} with a key-encryption key the application supplies (AES-256-GCM, the context as additional
 * data): for emulators and on-premises deployments without a cloud key service. Protects the stored key rings only as
 * well as the key-encryption key itself is protected; prefer the cloud's key service in production. Thread-safe.
 */
public final class AesKeyWrapping implements KeyWrapping {
    private final String keyId;
    private final byte[] kek;

    /** {@code keyEncryptionKey} must hold at least 32 bytes; {@code keyId} names it in stored records. */
    public AesKeyWrapping(String keyId, byte[] keyEncryptionKey) {
        if (keyEncryptionKey.length < io.skystate.api.KeyRing.MIN_KEY_BYTES) {
            throw new IllegalArgumentException("a key-encryption key needs at least 32 bytes");
        }
        this.keyId = "aes:" + keyId;
        this.kek = keyEncryptionKey.clone();
    }

    @Override
    public String keyId() {
        return keyId;
    }

    @Override
    public byte[] wrap(byte[] plain, Map<String, String> context) {
        return Aead.seal(Hkdf.derive(kek, "skystate key wrapping", 32), plain, aad(context));
    }

    @Override
    public byte[] unwrap(byte[] wrapped, Map<String, String> context) {
        return Aead.open(Hkdf.derive(kek, "skystate key wrapping", 32), wrapped, aad(context))
                .orElseThrow(() -> new InvalidTokenException("skystate", "a stored key ring does not unwrap with "
                        + keyId + " (another key-encryption key, another purpose, or altered)"));
    }

    private static byte[] aad(Map<String, String> context) {
        return new TreeMap<>(context).toString().getBytes(StandardCharsets.UTF_8);
    }
}
