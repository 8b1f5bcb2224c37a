package io.skystate.aws.internal;

import io.skystate.core.util.Lazy;
import io.skystate.core.crypto.KeyWrapping;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.KmsClient;
import io.skystate.api.InvalidTokenException;
import software.amazon.awssdk.services.kms.model.AlreadyExistsException;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;
import software.amazon.awssdk.services.kms.model.NotFoundException;

/**
 * {@link KeyWrapping} with AWS KMS: {@code Encrypt}/{@code Decrypt} under a symmetric KMS key, with the ring's
 * purpose as encryption context. The key is the configured key id or ARN; without one, the alias
 * {@code alias/<prefix>skystate-keys}, created with a new key on first use when the app may create resources.
 * Thread-safe.
 */
public final class KmsKeyWrapping implements KeyWrapping {
    private final KmsClient kms;
    private final Lazy<String> keyId;

    public KmsKeyWrapping(KmsClient kms, String configuredKeyId, String prefix, boolean createResources) {
        this.kms = kms;
        this.keyId = new Lazy<>(() -> configuredKeyId != null ? configuredKeyId : aliasKey(prefix, createResources));
    }

    @Override
    public String keyId() {
        return keyId.get();
    }

    @Override
    public byte[] wrap(byte[] plain, Map<String, String> context) {
        try {
            return kms.encrypt(b -> b.keyId(keyId()).plaintext(SdkBytes.fromByteArray(plain)).encryptionContext(context))
                    .ciphertextBlob().asByteArray();
        } catch (SdkException e) {
            throw DynamoErrors.translate("wrap a key ring with KMS key " + keyId(), e);
        }
    }

    @Override
    public byte[] unwrap(byte[] wrapped, Map<String, String> context) {
        try {
            return kms.decrypt(b -> b.keyId(keyId()).ciphertextBlob(SdkBytes.fromByteArray(wrapped))
                    .encryptionContext(context)).plaintext().asByteArray();
        } catch (InvalidCiphertextException e) {
            throw new InvalidTokenException("aws", "a stored key ring does not unwrap with KMS key " + keyId()
                    + " (another key, another purpose, or altered)", e);
        } catch (SdkException e) {
            throw DynamoErrors.translate("unwrap a key ring with KMS key " + keyId(), e);
        }
    }

    private String aliasKey(String prefix, boolean createResources) {
        String alias = "alias/" + prefix + "skystate-keys";
        try {
            return kms.describeKey(b -> b.keyId(alias)).keyMetadata().arn();
        } catch (NotFoundException missing) {
            if (!createResources) {
                throw new io.skystate.api.NotFoundException("aws", "no KMS key " + alias + " to wrap key rings with:"
                        + " set aws.kms.key-id (the SAM template creates one) or allow creating resources", missing);
            }
        } catch (SdkException e) {
            throw DynamoErrors.translate("describe KMS key " + alias, e);
        }
        try {
            String arn = kms.createKey(b -> b.description("Skystate key-encryption key for " + prefix + " key rings"))
                    .keyMetadata().arn();
            kms.createAlias(b -> b.aliasName(alias).targetKeyId(arn));
            return arn;
        } catch (AlreadyExistsException raced) {
            return kms.describeKey(b -> b.keyId(alias)).keyMetadata().arn();
        } catch (SdkException e) {
            throw DynamoErrors.translate("create KMS key " + alias, e);
        }
    }
}
