package io.skystate.core.crypto;

import io.skystate.api.AlreadyExistsException;
import io.skystate.api.KeyRing;
import io.skystate.api.state.Key;
import io.skystate.api.state.PutOptions;
import io.skystate.api.state.StateStore;
import java.util.Base64;
import java.util.Map;

/**
 * A generated key ring kept in a state store, for deployments that configure none: the first instance to start
 * writes a random key (create-if-absent), every other instance reads that one, so tokens issued by one function
 * instance verify in all. Configure explicit rings to rotate keys.
 */
public final class StoredKeyRings {
    private StoredKeyRings() {
    }

    public static KeyRing loadOrCreate(StateStore store, String purpose) {
        Key key = new Key("keys", purpose);
        var existing = store.getJson(key, Map.class);
        if (existing.isEmpty()) {
            String keyId = "k" + Keys.randomId().substring(0, 8);
            Map<String, String> created = Map.of("keyId", keyId,
                    "secret", Base64.getEncoder().encodeToString(Keys.newKey()));
            try {
                store.putJson(key, created, PutOptions.ifAbsent());
            } catch (AlreadyExistsException lostTheRace) {
                // another instance created it first; use theirs
            }
            existing = store.getJson(key, Map.class);
        }
        Map<?, ?> stored = existing.orElseThrow();
        return KeyRing.of(String.valueOf(stored.get("keyId")), Base64.getDecoder().decode(String.valueOf(stored.get("secret"))));
    }
}
