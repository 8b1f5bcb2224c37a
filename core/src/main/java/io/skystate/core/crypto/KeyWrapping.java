package io.skystate.core.crypto;

import java.util.Map;

/**
 * Envelope encryption of stored key material with a key-encryption key the cloud's key service holds (AWS KMS,
 * Azure Key Vault, Cloud KMS): generated key rings are kept in a state store only wrapped, so reading the store is
 * not enough to forge callback tokens or open sessions. The {@code context} (purpose of the ring) is bound to the
 * ciphertext (KMS encryption context, AES-GCM additional data), so a wrapped key cannot be moved to another
 * purpose. Implementations are thread-safe.
 */
public interface KeyWrapping {
    /** Which key-encryption key wraps, as stored beside the wrapped key (for example a KMS key ARN). */
    String keyId();

    /** {@code plain} encrypted under the key-encryption key, bound to {@code context}. */
    byte[] wrap(byte[] plain, Map<String, String> context);

    /** The plaintext of {@code wrapped}; throws if it was wrapped with another key or context, or altered. */
    byte[] unwrap(byte[] wrapped, Map<String, String> context);
}
