package io.skystate.core.crypto;

import io.skystate.api.AlreadyExistsException;
import io.skystate.api.KeyRing;
import io.skystate.api.state.Key;
import io.skystate.api.state.PutOptions;
import io.skystate.api.state.StateStore;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * A generated key ring kept in a state store, for deployments that configure none: the first instance to start
 * writes a random key (create-if-absent), every other instance reads that one, so tokens issued by one function
 * instance verify in all. The key is stored only wrapped by the cloud's key service ({@link KeyWrapping}): the
 * record holds the key id, the wrapping key's id and the wrapped secret, never the secret itself. Configure explicit
 * rings to rotate keys.
 */
public final class StoredKeyRings {
    private StoredKeyRings() {
    }

    /** The ring stored for {@code purpose}, created (wrapped with {@code wrapping}) if there is none yet. */
    public static KeyRing loadOrCreate(StateStore store, String purpose, KeyWrapping wrapping) {
        Key key = new Key("keys", purpose);
        Map<String, String> context = Map.of("skystate-key-ring", purpose);
        Optional<StoredRing> existing = store.getJson(key, StoredRing.class);
        if (existing.isEmpty()) {
            String keyId = "k" + Keys.randomId().substring(0, 8);
            byte[] wrapped = wrapping.wrap(Keys.newKey(), context);
            try {
                store.putJson(key, new StoredRing(keyId, wrapping.keyId(), Base64.getEncoder().encodeToString(wrapped)),
                        PutOptions.ifAbsent());
            } catch (AlreadyExistsException lostTheRace) {
                // another instance created it first; use theirs
            }
            existing = store.getJson(key, StoredRing.class);
        }
        StoredRing stored = existing.orElseThrow();
        byte[] secret = wrapping.unwrap(Base64.getDecoder().decode(stored.wrapped()), context);
        return KeyRing.of(stored.keyId(), secret);
    }

    /** The record: the ring's key id, the key-encryption key's id, and the secret wrapped by it (Base64). */
    public record StoredRing(String keyId, String wrappedBy, String wrapped) {
    }
}
