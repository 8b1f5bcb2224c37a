package io.skystate.local.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The local adapter's tables. Created idempotently on every open; columns added in later releases are added to
 * files an earlier release created, before the statements that use them (indexes) run.
 */
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
        """
        CREATE TABLE IF NOT EXISTS wf_definitions (
          name TEXT NOT NULL, version INTEGER NOT NULL, document TEXT NOT NULL, PRIMARY KEY (name, version))""",
        """
        CREATE TABLE IF NOT EXISTS wf_runs (
          id TEXT NOT NULL PRIMARY KEY, workflow TEXT NOT NULL, version INTEGER NOT NULL, status TEXT NOT NULL,
          input_hash TEXT NOT NULL, output BLOB, error TEXT, cause TEXT, started_at INTEGER NOT NULL,
          ended_at INTEGER, deadline INTEGER, failed_data BLOB, redrive_count INTEGER NOT NULL DEFAULT 0,
          attempts_from INTEGER NOT NULL DEFAULT 0)""",
        "CREATE INDEX IF NOT EXISTS wf_runs_status ON wf_runs(status)",
        "CREATE INDEX IF NOT EXISTS wf_runs_started ON wf_runs(started_at DESC, id)",
        """
        CREATE TABLE IF NOT EXISTS wf_frames (
          run_id TEXT NOT NULL, frame_id INTEGER NOT NULL, parent_frame INTEGER, branch INTEGER,
          scope TEXT NOT NULL, step TEXT NOT NULL, data BLOB NOT NULL, state TEXT NOT NULL, phase TEXT,
          attempt INTEGER NOT NULL, wake_at INTEGER NOT NULL, callback_id TEXT, callback_token TEXT,
          history_seq INTEGER, PRIMARY KEY (run_id, frame_id))""",
        "CREATE INDEX IF NOT EXISTS wf_frames_ready ON wf_frames(state, wake_at)",
        "CREATE INDEX IF NOT EXISTS wf_frames_callback ON wf_frames(callback_id)",
        """
        CREATE TABLE IF NOT EXISTS wf_history (
          run_id TEXT NOT NULL, seq INTEGER NOT NULL, path TEXT NOT NULL, kind TEXT NOT NULL, outcome TEXT NOT NULL,
          started_at INTEGER NOT NULL, ended_at INTEGER, attempts INTEGER NOT NULL, error TEXT, cause TEXT,
          PRIMARY KEY (run_id, seq))""",
        """
        CREATE TABLE IF NOT EXISTS local_instances (
          id TEXT NOT NULL PRIMARY KEY, pid INTEGER NOT NULL, host TEXT NOT NULL, opened_at INTEGER NOT NULL)""",
        """
        CREATE TABLE IF NOT EXISTS wf_leases (
          run_id TEXT NOT NULL, frame_id INTEGER NOT NULL, owner TEXT NOT NULL, until INTEGER NOT NULL,
          PRIMARY KEY (run_id, frame_id))""",
        "CREATE INDEX IF NOT EXISTS wf_leases_owner ON wf_leases(owner)",
        """
        CREATE TABLE IF NOT EXISTS wf_events (
          run_id TEXT NOT NULL, seq INTEGER NOT NULL, name TEXT NOT NULL, payload BLOB NOT NULL,
          sent_at INTEGER NOT NULL, PRIMARY KEY (run_id, seq))""",
        """
        CREATE TABLE IF NOT EXISTS wf_compensations (
          run_id TEXT NOT NULL, seq INTEGER NOT NULL, step TEXT NOT NULL, handler TEXT NOT NULL,
          PRIMARY KEY (run_id, seq))""",
    };

    /** Columns added after their table was first released: {table, column, definition}, added to older files. */
    private static final String[][] ADDED_COLUMNS = {
        {"wf_runs", "redrive_count", "INTEGER NOT NULL DEFAULT 0"},
        {"wf_runs", "attempts_from", "INTEGER NOT NULL DEFAULT 0"},
    };

    private Schema() {
    }

    static Void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String[] added : ADDED_COLUMNS) {
                if (tableExists(connection, added[0]) && !hasColumn(connection, added[0], added[1])) {
                    statement.execute("ALTER TABLE " + added[0] + " ADD COLUMN " + added[1] + " " + added[2]);
                }
            }
            for (String sql : STATEMENTS) {
                statement.execute(sql);
            }
        }
        return null;
    }

    private static boolean tableExists(Connection connection, String table) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            s.setString(1, table);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static boolean hasColumn(Connection connection, String table, String column) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rs.next()) {
                if (column.equals(rs.getString("name"))) {
                    return true;
                }
            }
            return false;
        }
    }
}
