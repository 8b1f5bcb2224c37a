package io.skystate.local.internal.workflow;

import io.skystate.api.workflow.StepExecution;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL for {@code wf_history}: one row per step execution, opened when it starts and closed when it ends. */
final class HistoryTable {
    private HistoryTable() {
    }

    static long open(Connection c, String runId, String path, String kind, long now) throws SQLException {
        long seq;
        try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) + 1 FROM wf_history WHERE run_id = ?")) {
            s.setString(1, runId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                seq = rs.getLong(1);
            }
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO wf_history (run_id, seq, path, kind, outcome,"
                + " started_at, ended_at, attempts, error, cause) VALUES (?, ?, ?, ?, 'RUNNING', ?, NULL, 0, NULL, NULL)")) {
            s.setString(1, runId);
            s.setLong(2, seq);
            s.setString(3, path);
            s.setString(4, kind);
            s.setLong(5, now);
            s.executeUpdate();
        }
        return seq;
    }

    static void attempts(Connection c, String runId, long seq, int attempts) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE wf_history SET attempts = ? WHERE run_id = ? AND seq = ?")) {
            s.setInt(1, attempts);
            s.setString(2, runId);
            s.setLong(3, seq);
            s.executeUpdate();
        }
    }

    static void close(Connection c, String runId, long seq, StepExecution.Outcome outcome, long now, String error,
            String cause) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE wf_history SET outcome = ?, ended_at = ?, error = ?,"
                + " cause = ? WHERE run_id = ? AND seq = ?")) {
            s.setString(1, outcome.name());
            s.setLong(2, now);
            s.setString(3, error);
            s.setString(4, cause);
            s.setString(5, runId);
            s.setLong(6, seq);
            s.executeUpdate();
        }
    }

    /** Closes every still-open execution of a run (on cancel, timeout or failure elsewhere). */
    static void closeOpen(Connection c, String runId, StepExecution.Outcome outcome, long now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE wf_history SET outcome = ?, ended_at = ?"
                + " WHERE run_id = ? AND outcome = 'RUNNING'")) {
            s.setString(1, outcome.name());
            s.setLong(2, now);
            s.setString(3, runId);
            s.executeUpdate();
        }
    }

    /**
     * Attempts of task and awaitCallback steps the run has made since it started or was last redriven (what the
     * step-attempt cap counts).
     */
    static long workAttempts(Connection c, String runId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(SUM(attempts), 0) FROM wf_history"
                + " WHERE run_id = ? AND kind IN ('task', 'awaitCallback')"
                + " AND seq > (SELECT attempts_from FROM wf_runs WHERE id = ?)")) {
            s.setString(1, runId);
            s.setString(2, runId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The sequence number of the run's latest history entry, 0 without any. */
    static long lastSeq(Connection c, String runId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM wf_history WHERE run_id = ?")) {
            s.setString(1, runId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static List<StepExecution> list(Connection c, String runId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT path, kind, outcome, started_at, ended_at, attempts,"
                + " error, cause FROM wf_history WHERE run_id = ? ORDER BY seq")) {
            s.setString(1, runId);
            List<StepExecution> history = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long ended = rs.getLong(5);
                    Optional<Instant> endedAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(ended));
                    history.add(new StepExecution(rs.getString(1), rs.getString(2),
                            StepExecution.Outcome.valueOf(rs.getString(3)), Instant.ofEpochMilli(rs.getLong(4)),
                            endedAt, rs.getInt(6), Optional.ofNullable(rs.getString(7)),
                            Optional.ofNullable(rs.getString(8))));
                }
            }
            return history;
        }
    }

}
