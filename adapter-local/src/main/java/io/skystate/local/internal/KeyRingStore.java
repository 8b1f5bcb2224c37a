package io.skystate.local.internal;

import io.skystate.api.KeyRing;
import io.skystate.core.crypto.Keys;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * Key rings the local adapter generates when the configuration supplies none. In a file database the generated
 * key is stored, so tokens issued before a restart still verify after it.
 */
public final class KeyRingStore {
    private KeyRingStore() {
    }

    public static KeyRing loadOrCreate(Database database, String purpose) {
        return database.inTransaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT key_id, secret FROM secret_keys WHERE purpose = ?")) {
                select.setString(1, purpose);
                try (ResultSet rs = select.executeQuery()) {
                    if (rs.next()) {
                        return KeyRing.of(rs.getString(1), rs.getBytes(2));
                    }
                }
            }
            String keyId = "k" + Keys.randomId().substring(0, 8);
            byte[] secret = Keys.newKey();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO secret_keys (purpose, key_id, secret) VALUES (?, ?, ?)")) {
                insert.setString(1, purpose);
                insert.setString(2, keyId);
                insert.setBytes(3, secret);
                insert.executeUpdate();
            }
            return KeyRing.of(keyId, secret);
        });
    }
}
