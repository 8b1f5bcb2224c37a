package io.skystate.local.internal.workflow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * SQL for {@code wf_events}: the events signalled to runs and not consumed yet, numbered per run in the order they
 * were signalled. Callers run these inside a {@code Database} transaction, so an event is consumed in the same
 * commit as the step transition it causes.
 */
final class EventTable {
    /** A pending event: its number in the run and its JSON payload. */
    record Pending(long seq, byte[] payload) {
    }

    private EventTable() {
    }

    static long append(Connection c, String runId, String name, byte[] payload, long now) throws SQLException {
        long seq;
        try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) + 1 FROM wf_events WHERE run_id = ?")) {
            s.setString(1, runId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                seq = rs.getLong(1);
            }
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO wf_events (run_id, seq, name, payload, sent_at) VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, runId);
            s.setLong(2, seq);
            s.setString(3, name);
            s.setBytes(4, payload);
            s.setLong(5, now);
            s.executeUpdate();
        }
        return seq;
    }

    /** The run's oldest pending event of {@code name}. */
    static Optional<Pending> oldest(Connection c, String runId, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT seq, payload FROM wf_events WHERE run_id = ? AND name = ? ORDER BY seq LIMIT 1")) {
            s.setString(1, runId);
            s.setString(2, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new Pending(rs.getLong(1), rs.getBytes(2))) : Optional.empty();
            }
        }
    }

    static void consume(Connection c, String runId, long seq) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM wf_events WHERE run_id = ? AND seq = ?")) {
            s.setString(1, runId);
            s.setLong(2, seq);
            s.executeUpdate();
        }
    }

    /** Drops every pending event of the run (it ended). */
    static void dropAll(Connection c, String runId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM wf_events WHERE run_id = ?")) {
            s.setString(1, runId);
            s.executeUpdate();
        }
    }
}
