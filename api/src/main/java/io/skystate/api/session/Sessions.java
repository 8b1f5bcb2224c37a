package io.skystate.api.session;

import java.time.Duration;

/**
 * Client-side sessions: state sealed into a token the client keeps and sends back, so handlers stay stateless.
 * Tokens use authenticated encryption (AES-GCM) under the current key of the configured
 * {@link io.skystate.api.KeyRing}, name their key id, and carry an expiry inside the authenticated data. Tampered,
 * forged or unknown-key tokens raise {@link io.skystate.api.InvalidTokenException}; expired ones
 * {@link io.skystate.api.TokenExpiredException}. Tokens are URL-safe text. Sealed state is capped at 8 KiB of JSON
 * so tokens fit in headers and cookies. Thread-safe.
 */
public interface Sessions {
    /** Portable maximum size of sealed JSON state. */
    int MAX_STATE_BYTES = 8 * 1024;

    /** Seals {@code state} (encoded as JSON) into a token valid for {@code ttl}. */
    String seal(Object state, Duration ttl);

    /** Opens a token and decodes its state as {@code type}. */
    <T> T open(String token, Class<T> type);
}
