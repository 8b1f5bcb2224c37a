package io.skystate.local.internal.workflow;

import io.skystate.local.internal.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;

/**
 * Leases on frames (and, with frame id {@value #COMPENSATION}, on a run's compensation), so that engines in several
 * processes sharing one database file never work on the same frame at once: a frame is worked on only by the
 * engine that claimed it, until it releases it or its lease runs out. A live engine renews its leases every
 * {@link #RENEW_EVERY}; a crashed engine's leases expire after {@link #DURATION}, and another engine takes over
 * (re-running at most the attempt that was in progress). Thread-safe.
 */
final class Leases {
    /** How long a claim lasts without renewal. */
    static final Duration DURATION = Duration.ofSeconds(10);
    /** How often a live engine renews its leases. */
    static final Duration RENEW_EVERY = Duration.ofSeconds(3);
    /** The frame id under which a run's compensation is leased. */
    static final long COMPENSATION = -1;

    private final Database database;
    private final Clock clock;
    private final String owner;

    Leases(Database database, Clock clock, String owner) {
        this.database = database;
        this.clock = clock;
        this.owner = owner;
    }

    /** Claims the frame inside the caller's transaction; false if another engine holds a live lease on it. */
    boolean claim(Connection c, String runId, long frameId) throws SQLException {
        long now = clock.millis();
        try (PreparedStatement s = c.prepareStatement("SELECT owner, until FROM wf_leases WHERE run_id = ? AND frame_id = ?")) {
            s.setString(1, runId);
            s.setLong(2, frameId);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next() && !rs.getString(1).equals(owner) && rs.getLong(2) > now) {
                    return false;
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT OR REPLACE INTO wf_leases (run_id, frame_id, owner, until) VALUES (?, ?, ?, ?)")) {
            s.setString(1, runId);
            s.setLong(2, frameId);
            s.setString(3, owner);
            s.setLong(4, now + DURATION.toMillis());
            s.executeUpdate();
        }
        return true;
    }

    /** Claims the frame in a transaction of its own. */
    boolean claim(String runId, long frameId) {
        return database.inTransaction(c -> claim(c, runId, frameId));
    }

    /** Gives up this engine's lease on the frame, if it holds one. */
    void release(String runId, long frameId) {
        database.inTransaction(c -> {
            release(c, runId, frameId);
            return null;
        });
    }

    /** Gives up the lease inside the caller's transaction: with the step's outcome, so both commit at once. */
    void release(Connection c, String runId, long frameId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "DELETE FROM wf_leases WHERE run_id = ? AND frame_id = ? AND owner = ?")) {
            s.setString(1, runId);
            s.setLong(2, frameId);
            s.setString(3, owner);
            s.executeUpdate();
        }
    }

    /** Extends every lease this engine holds. */
    void renewAll() {
        database.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE wf_leases SET until = ? WHERE owner = ?")) {
                s.setLong(1, clock.millis() + DURATION.toMillis());
                s.setString(2, owner);
                return s.executeUpdate();
            }
        });
    }

    String owner() {
        return owner;
    }
}
