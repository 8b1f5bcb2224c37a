package io.skystate.local.internal.workflow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL for {@code wf_frames}. Callers run these inside a {@code Database} transaction. */
final class FrameTable {
    private static final String COLUMNS = "run_id, frame_id, parent_frame, branch, scope, step, data, state, phase,"
            + " attempt, wake_at, callback_id, callback_token, history_seq";

    private FrameTable() {
    }

    static void save(Connection c, Frame f) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT OR REPLACE INTO wf_frames (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, f.runId());
            s.setLong(2, f.frameId());
            setLong(s, 3, f.parentFrame());
            setLong(s, 4, f.branch() == null ? null : f.branch().longValue());
            s.setString(5, f.scope());
            s.setString(6, f.step());
            s.setBytes(7, f.data());
            s.setString(8, f.state());
            s.setString(9, f.phase());
            s.setInt(10, f.attempt());
            s.setLong(11, f.wakeAt());
            s.setString(12, f.callbackId());
            s.setString(13, f.callbackToken());
            setLong(s, 14, f.historySeq());
            s.executeUpdate();
        }
    }

    static Optional<Frame> find(Connection c, String runId, long frameId) throws SQLException {
        List<Frame> frames = query(c, "run_id = ? AND frame_id = ?", s -> {
            s.setString(1, runId);
            s.setLong(2, frameId);
        });
        return frames.stream().findFirst();
    }

    static Optional<Frame> byCallback(Connection c, String callbackId) throws SQLException {
        return query(c, "callback_id = ?", s -> s.setString(1, callbackId)).stream().findFirst();
    }

    static List<Frame> children(Connection c, String runId, long parent) throws SQLException {
        return query(c, "run_id = ? AND parent_frame = ? ORDER BY branch", s -> {
            s.setString(1, runId);
            s.setLong(2, parent);
        });
    }

    /** How many of the parent's branch frames from {@code firstChild} on are not DONE. */
    static long childrenNotDone(Connection c, String runId, long parent, long firstChild) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM wf_frames WHERE run_id = ?"
                + " AND parent_frame = ? AND frame_id >= ? AND state <> 'DONE'")) {
            s.setString(1, runId);
            s.setLong(2, parent);
            s.setLong(3, firstChild);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static List<Frame> active(Connection c, String runId) throws SQLException {
        return query(c, "run_id = ? AND state IN ('READY', 'WAITING', 'JOINING')", s -> s.setString(1, runId));
    }

    /** Which frame: what the dispatcher needs of a due frame (the worker reads the frame itself). */
    record Key(String runId, long frameId) {
    }

    /**
     * Frames due to run: READY with {@code wake_at <= now}, oldest first, but for those another owner leases. Only
     * their keys: the dispatcher asks every round, and with many branches ready most of them are already in flight.
     */
    static List<Key> due(Connection c, long now, int limit, String owner) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT run_id, frame_id FROM wf_frames WHERE state = 'READY'"
                + " AND wake_at <= ? AND NOT EXISTS (SELECT 1 FROM wf_leases l WHERE l.run_id = wf_frames.run_id"
                + " AND l.frame_id = wf_frames.frame_id AND l.owner <> ? AND l.until > ?) ORDER BY wake_at LIMIT ?")) {
            s.setLong(1, now);
            s.setString(2, owner);
            s.setLong(3, now);
            s.setInt(4, limit);
            List<Key> keys = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    keys.add(new Key(rs.getString(1), rs.getLong(2)));
                }
            }
            return keys;
        }
    }

    /** Frames of the run whose callback is issued and not resolved yet: the steps waiting on a callback. */
    static List<Frame> issuedCallbacks(Connection c, String runId) throws SQLException {
        return query(c, "run_id = ? AND state IN ('READY', 'WAITING') AND phase = 'ISSUED' AND callback_token IS NOT NULL"
                + " ORDER BY frame_id", s -> s.setString(1, runId));
    }

    /** Makes the run's awaitEvent steps due now, so they look for the event just signalled. */
    static void wakeEventWaiters(Connection c, String runId, long now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE wf_frames SET wake_at = ? WHERE run_id = ?"
                + " AND state = 'READY' AND phase LIKE '" + EventSteps.PHASE + "%' AND wake_at > ?")) {
            s.setLong(1, now);
            s.setString(2, runId);
            s.setLong(3, now);
            s.executeUpdate();
        }
    }

    static long nextFrameId(Connection c, String runId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(frame_id), -1) + 1 FROM wf_frames WHERE run_id = ?")) {
            s.setString(1, runId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private interface Binder {
        void bind(PreparedStatement s) throws SQLException;
    }

    private static List<Frame> query(Connection c, String where, Binder binder) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM wf_frames WHERE " + where)) {
            binder.bind(s);
            List<Frame> frames = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    frames.add(new Frame(rs.getString(1), rs.getLong(2), nullableLong(rs, 3),
                            nullableLong(rs, 4) == null ? null : rs.getInt(4), rs.getString(5), rs.getString(6),
                            rs.getBytes(7), rs.getString(8), rs.getString(9), rs.getInt(10), rs.getLong(11),
                            rs.getString(12), rs.getString(13), nullableLong(rs, 14)));
                }
            }
            return frames;
        }
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static void setLong(PreparedStatement s, int index, Long value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.INTEGER);
        } else {
            s.setLong(index, value);
        }
    }
}
