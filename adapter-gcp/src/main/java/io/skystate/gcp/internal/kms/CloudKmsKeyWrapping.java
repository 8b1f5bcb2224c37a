package io.skystate.gcp.internal.kms;

import com.google.api.gax.rpc.ApiException;
import com.google.cloud.kms.v1.KeyManagementServiceClient;
import com.google.protobuf.ByteString;
import io.skystate.api.InvalidTokenException;
import io.skystate.api.TransientException;
import io.skystate.core.crypto.KeyWrapping;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link KeyWrapping} with Cloud KMS: {@code Encrypt}/{@code Decrypt} under a symmetric crypto key
 * ({@code projects/P/locations/L/keyRings/R/cryptoKeys/K}), the ring's purpose as additional authenticated data.
 * The client is created on first use and closed with the adapter. Thread-safe. (No Cloud KMS emulator exists here:
 * this class runs only under {@code -Plive}; emulator runs wrap with {@link io.skystate.core.crypto.AesKeyWrapping}.)
 */
public final class CloudKmsKeyWrapping implements KeyWrapping, AutoCloseable {
    private final String cryptoKey;
    private KeyManagementServiceClient client;

    public CloudKmsKeyWrapping(String cryptoKey) {
        this.cryptoKey = cryptoKey;
    }

    @Override
    public String keyId() {
        return cryptoKey;
    }

    @Override
    public byte[] wrap(byte[] plain, Map<String, String> context) {
        try {
            return client().encrypt(com.google.cloud.kms.v1.EncryptRequest.newBuilder().setName(cryptoKey)
                    .setPlaintext(ByteString.copyFrom(plain)).setAdditionalAuthenticatedData(aad(context)).build())
                    .getCiphertext().toByteArray();
        } catch (ApiException e) {
            throw new TransientException("gcp", "wrapping a key ring with " + cryptoKey + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] unwrap(byte[] wrapped, Map<String, String> context) {
        try {
            return client().decrypt(com.google.cloud.kms.v1.DecryptRequest.newBuilder().setName(cryptoKey)
                    .setCiphertext(ByteString.copyFrom(wrapped)).setAdditionalAuthenticatedData(aad(context)).build())
                    .getPlaintext().toByteArray();
        } catch (com.google.api.gax.rpc.InvalidArgumentException e) {
            throw new InvalidTokenException("gcp", "a stored key ring does not unwrap with " + cryptoKey
                    + " (another key, another purpose, or altered)", e);
        } catch (ApiException e) {
            throw new TransientException("gcp", "unwrapping a key ring with " + cryptoKey + " failed: " + e.getMessage(), e);
        }
    }

    private synchronized KeyManagementServiceClient client() {
        if (client == null) {
            try {
                client = KeyManagementServiceClient.create();
            } catch (java.io.IOException e) {
                throw new TransientException("gcp", "cannot create the Cloud KMS client", e);
            }
        }
        return client;
    }

    private static ByteString aad(Map<String, String> context) {
        return ByteString.copyFrom(new TreeMap<>(context).toString(), StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
        }
    }
}
