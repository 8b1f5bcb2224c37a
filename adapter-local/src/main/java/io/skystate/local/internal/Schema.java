package io.skystate.local.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The local adapter's tables. Created idempotently on every open. */
final class Schema {
    private static final String[] STATEMENTS = {
        """
        CREATE TABLE IF NOT EXISTS state_records (
          store TEXT NOT NULL, grp TEXT NOT NULL, id TEXT NOT NULL,
          content_type INTEGER NOT NULL, value BLOB NOT NULL, version TEXT NOT NULL, expires_at INTEGER,
          PRIMARY KEY (store, grp, id)) WITHOUT ROWID""",
        "CREATE INDEX IF NOT EXISTS state_expiry ON state_records(expires_at) WHERE expires_at IS NOT NULL",
        """
        CREATE TABLE IF NOT EXISTS queue_messages (
          queue TEXT NOT NULL, id TEXT NOT NULL, body BLOB NOT NULL, attributes TEXT NOT NULL,
          visible_at INTEGER NOT NULL, receipt TEXT, delivery_count INTEGER NOT NULL,
          PRIMARY KEY (queue, id))""",
        "CREATE INDEX IF NOT EXISTS queue_visible ON queue_messages(queue, visible_at)",
        "CREATE INDEX IF NOT EXISTS queue_receipt ON queue_messages(receipt)",
        """
        CREATE TABLE IF NOT EXISTS secret_keys (
          purpose TEXT NOT NULL PRIMARY KEY, key_id TEXT NOT NULL, secret BLOB NOT NULL)""",
    };

    private Schema() {
    }

    static Void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : STATEMENTS) {
                statement.execute(sql);
            }
        }
        return null;
    }
}
