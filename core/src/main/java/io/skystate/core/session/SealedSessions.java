package io.skystate.core.session;

import io.skystate.api.Codec;
import io.skystate.api.Arguments;
import io.skystate.api.InvalidTokenException;
import io.skystate.api.KeyRing;
import io.skystate.api.PayloadTooLargeException;
import io.skystate.api.TokenExpiredException;
import io.skystate.api.session.Sessions;
import io.skystate.core.crypto.Aead;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * {@link Sessions} with AES-256-GCM: token {@code s1.<keyId>.<base64url(nonce | ciphertext | tag)>}, where the
 * plaintext is the expiry (epoch millis) followed by the JSON state and the associated data binds the version and
 * key id. Written once here and used by every adapter. Thread-safe.
 */
public final class SealedSessions implements Sessions {
    private static final String PREFIX = "s1";

    private final KeyRing keys;
    private final Codec codec;
    private final Clock clock;
    private final String provider;

    public SealedSessions(KeyRing keys, Codec codec, Clock clock, String provider) {
        this.keys = keys;
        this.codec = codec;
        this.clock = clock;
        this.provider = provider;
    }

    @Override
    public String seal(Object state, Duration ttl) {
        Arguments.check(ttl != null && !ttl.isNegative() && !ttl.isZero(),
                "a session's time to live must be positive, was " + ttl);
        byte[] json = codec.encode(state);
        if (json.length > MAX_STATE_BYTES) {
            throw new PayloadTooLargeException(provider,
                    "session state is " + json.length + " bytes of JSON; the maximum is " + MAX_STATE_BYTES);
        }
        long expiresAt = clock.millis() + ttl.toMillis();
        byte[] plain = ByteBuffer.allocate(8 + json.length).putLong(expiresAt).put(json).array();
        String keyId = keys.currentKeyId();
        byte[] sealed = Aead.seal(keys.key(keyId), plain, aad(keyId));
        return PREFIX + "." + keyId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
    }

    @Override
    public <T> T open(String token, Class<T> type) {
        String[] parts = token == null ? new String[0] : token.split("\\.", -1);
        if (parts.length != 3 || !parts[0].equals(PREFIX)) {
            throw new InvalidTokenException(provider, "malformed session token");
        }
        byte[] key = keys.key(parts[1]);
        if (key == null) {
            throw new InvalidTokenException(provider, "session token sealed with an unknown key id");
        }
        byte[] sealed;
        try {
            sealed = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenException(provider, "malformed session token encoding");
        }
        byte[] plain = Aead.open(key, sealed, aad(parts[1]))
                .orElseThrow(() -> new InvalidTokenException(provider, "session token fails authentication"));
        ByteBuffer buffer = ByteBuffer.wrap(plain);
        long expiresAt = buffer.getLong();
        if (clock.millis() >= expiresAt) {
            throw new TokenExpiredException(provider, "session token expired");
        }
        byte[] json = new byte[buffer.remaining()];
        buffer.get(json);
        return codec.decode(json, type);
    }

    private static byte[] aad(String keyId) {
        return (PREFIX + "." + keyId).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
