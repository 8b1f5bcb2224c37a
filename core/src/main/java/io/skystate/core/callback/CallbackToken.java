package io.skystate.core.callback;

import io.skystate.api.InvalidTokenException;
import io.skystate.api.KeyRing;
import io.skystate.core.crypto.TokenSigner;
import java.nio.charset.StandardCharsets;

/** The signed content of a callback token: the callback id and its hard expiry (epoch millis). */
record CallbackToken(String callbackId, long expiresAt) {
    /** Tokens of {@link io.skystate.api.callback.Callbacks}. */
    static final String CALLBACK_PREFIX = "cb1";
    /** Tokens of workflow callback steps: a different signed prefix, so neither kind passes for the other. */
    static final String WORKFLOW_PREFIX = "wcb1";

    static TokenSigner signer(KeyRing keys, String provider, String prefix) {
        return new TokenSigner(prefix, keys, provider);
    }

    String sign(TokenSigner signer) {
        return signer.sign((callbackId + ":" + expiresAt).getBytes(StandardCharsets.UTF_8));
    }

    static CallbackToken verify(TokenSigner signer, String token, String provider) {
        String payload = new String(signer.verify(token), StandardCharsets.UTF_8);
        int colon = payload.indexOf(':');
        try {
            return new CallbackToken(payload.substring(0, colon), Long.parseLong(payload.substring(colon + 1)));
        } catch (RuntimeException e) {
            throw new InvalidTokenException(provider, "callback token payload is malformed");
        }
    }
}
