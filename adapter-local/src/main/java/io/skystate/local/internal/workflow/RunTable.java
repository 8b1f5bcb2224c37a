package io.skystate.local.internal.workflow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL for {@code wf_runs} and {@code wf_compensations}. */
final class RunTable {
    static final String COLUMNS = "id, workflow, version, status, input_hash, output, error, cause,"
            + " started_at, ended_at, deadline, failed_data, redrive_count, attempts_from";

    private RunTable() {
    }

    static void insert(Connection c, RunRow r) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO wf_runs (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, NULL, NULL, NULL, ?, NULL, ?, NULL, 0, 0)")) {
            s.setString(1, r.id());
            s.setString(2, r.workflow());
            s.setInt(3, r.version());
            s.setString(4, r.status());
            s.setString(5, r.inputHash());
            s.setLong(6, r.startedAt());
            if (r.deadline() == null) {
                s.setNull(7, Types.INTEGER);
            } else {
                s.setLong(7, r.deadline());
            }
            s.executeUpdate();
        }
    }

    static Optional<RunRow> find(Connection c, String id) throws SQLException {
        return query(c, "id = ?", id, 0).stream().findFirst();
    }

    /** Ends or re-labels a run; events it did not consume are dropped (no step of it can take them any more). */
    static void finish(Connection c, String id, String status, byte[] output, String error, String cause, Long endedAt,
            byte[] failedData) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE wf_runs SET status = ?, output = ?, error = ?, cause = ?,"
                + " ended_at = ?, failed_data = ? WHERE id = ?")) {
            s.setString(1, status);
            s.setBytes(2, output);
            s.setString(3, error);
            s.setString(4, cause);
            if (endedAt == null) {
                s.setNull(5, Types.INTEGER);
            } else {
                s.setLong(5, endedAt);
            }
            s.setBytes(6, failedData);
            s.setString(7, id);
            s.executeUpdate();
        }
        EventTable.dropAll(c, id);
    }

    /**
     * Makes a finished run RUNNING again for a redrive: end, output, error and failure data cleared, a new deadline,
     * one more redrive, and the attempt budget counted from history entries after {@code attemptsFrom}.
     */
    static void redrive(Connection c, String id, Long deadline, int redriveCount, long attemptsFrom) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE wf_runs SET status = 'RUNNING', output = NULL,"
                + " error = NULL, cause = NULL, ended_at = NULL, failed_data = NULL, deadline = ?, redrive_count = ?,"
                + " attempts_from = ? WHERE id = ?")) {
            if (deadline == null) {
                s.setNull(1, Types.INTEGER);
            } else {
                s.setLong(1, deadline);
            }
            s.setInt(2, redriveCount);
            s.setLong(3, attemptsFrom);
            s.setString(4, id);
            s.executeUpdate();
        }
    }

    static List<RunRow> overdue(Connection c, long now) throws SQLException {
        return query(c, "status = 'RUNNING' AND deadline IS NOT NULL AND deadline <= ?", null, now);
    }

    static List<RunRow> compensating(Connection c) throws SQLException {
        return query(c, "status = '" + RunRow.COMPENSATING + "'", null, 0);
    }

    static void addCompensation(Connection c, String runId, String step, String handler) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO wf_compensations (run_id, seq, step, handler)"
                + " SELECT ?, COALESCE(MAX(seq), 0) + 1, ?, ? FROM wf_compensations WHERE run_id = ?")) {
            s.setString(1, runId);
            s.setString(2, step);
            s.setString(3, handler);
            s.setString(4, runId);
            s.executeUpdate();
        }
    }

    /** The latest recorded compensation of a run: {seq, step, handler}. */
    static Optional<String[]> lastCompensation(Connection c, String runId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT seq, step, handler FROM wf_compensations WHERE run_id = ? ORDER BY seq DESC LIMIT 1")) {
            s.setString(1, runId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                        : Optional.empty();
            }
        }
    }

    static void removeCompensation(Connection c, String runId, long seq) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM wf_compensations WHERE run_id = ? AND seq = ?")) {
            s.setString(1, runId);
            s.setLong(2, seq);
            s.executeUpdate();
        }
    }

    private static List<RunRow> query(Connection c, String where, String id, long now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM wf_runs WHERE " + where)) {
            if (id != null) {
                s.setString(1, id);
            } else if (where.contains("?")) {
                s.setLong(1, now);
            }
            List<RunRow> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long ended = rs.getLong(10);
                    Long endedAt = rs.wasNull() ? null : ended;
                    long deadline = rs.getLong(11);
                    Long deadlineAt = rs.wasNull() ? null : deadline;
                    rows.add(new RunRow(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                            rs.getString(5), rs.getBytes(6), rs.getString(7), rs.getString(8), rs.getLong(9),
                            endedAt, deadlineAt, rs.getBytes(12), rs.getInt(13), rs.getLong(14)));
                }
            }
            return rows;
        }
    }
}
