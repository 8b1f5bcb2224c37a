package io.skystate.core.crypto;

import io.skystate.api.InvalidTokenException;
import io.skystate.api.KeyRing;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies compact tokens {@code <prefix>.<keyId>.<payload>.<mac>}: the payload is Base64url text, the
 * MAC is HMAC-SHA256 over everything before it under a key derived with {@link Hkdf} from the named key of a
 * {@link KeyRing} and the prefix (so each kind of token has its own MAC key). Verification compares in constant time
 * and accepts any key still in the ring. Thread-safe.
 */
public final class TokenSigner {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final String prefix;
    private final KeyRing keys;
    private final String provider;
    private final java.util.Map<String, byte[]> derived = new java.util.concurrent.ConcurrentHashMap<>();

    public TokenSigner(String prefix, KeyRing keys, String provider) {
        this.prefix = prefix;
        this.keys = keys;
        this.provider = provider;
    }

    public String sign(byte[] payload) {
        String unsigned = prefix + "." + keys.currentKeyId() + "." + B64.encodeToString(payload);
        return unsigned + "." + B64.encodeToString(mac(macKey(keys.currentKeyId()), unsigned));
    }

    /** The payload of a genuine token; {@link InvalidTokenException} for anything else. */
    public byte[] verify(String token) {
        if (token == null || token.length() > 4096) {
            throw invalid("missing or oversized token");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals(prefix)) {
            throw invalid("malformed token");
        }
        if (keys.key(parts[1]) == null) {
            throw invalid("token signed with an unknown key id");
        }
        byte[] expected = mac(macKey(parts[1]), parts[0] + "." + parts[1] + "." + parts[2]);
        byte[] actual;
        byte[] payload;
        try {
            actual = B64D.decode(parts[3]);
            payload = B64D.decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw invalid("malformed token encoding");
        }
        if (!MessageDigest.isEqual(expected, actual) || !B64.encodeToString(actual).equals(parts[3])) {
            throw invalid("token signature does not verify");
        }
        return payload;
    }

    private byte[] macKey(String keyId) {
        return derived.computeIfAbsent(keyId, id -> Hkdf.derive(keys.key(id), "skystate token " + prefix, 32));
    }

    private InvalidTokenException invalid(String why) {
        return new InvalidTokenException(provider, "invalid " + prefix + " token: " + why);
    }

    private static byte[] mac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
