package io.skystate.core.handler;

import io.skystate.api.AlreadyExistsException;
import io.skystate.api.InvalidTokenException;
import io.skystate.api.handler.Handlers;
import io.skystate.api.state.Key;
import io.skystate.api.state.PutOptions;
import io.skystate.api.state.StateStore;
import io.skystate.api.state.StateValue;
import java.time.Instant;

/**
 * Makes signed requests single-use across every instance of an app: the first use of a nonce records it in a
 * state store (create-if-absent, expiring after the request's validity), a second use is refused. Thread-safe.
 */
public final class ReplayGuard {
    private final StateStore store;
    private final String provider;

    public ReplayGuard(StateStore store, String provider) {
        this.store = store;
        this.provider = provider;
    }

    /** Records the nonce's first use; {@link InvalidTokenException} if it was used before. */
    public void firstUse(RequestSigning.Verified request) {
        Instant forget = request.signedAt().plus(Handlers.REQUEST_VALIDITY).plus(Handlers.REQUEST_VALIDITY);
        try {
            store.put(new Key("nonces", request.nonce()), StateValue.json("1".getBytes()),
                    PutOptions.ifAbsent().expiringAt(forget));
        } catch (AlreadyExistsException replayed) {
            throw new InvalidTokenException(provider, "this signed request was already used: sign each call anew");
        }
    }
}
