package io.skystate.local.internal;

import io.skystate.api.state.ContentType;
import io.skystate.api.state.Key;
import io.skystate.api.state.StateEntry;
import io.skystate.api.state.StateValue;
import io.skystate.api.state.Version;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * SQL for the {@code state_records} table, on statements the {@link Database} keeps prepared. Every read filters
 * expired rows against {@code now}.
 */
final class StateRows {
    private static final String COLUMNS = "grp, id, content_type, value, version, expires_at";
    private static final String FIND = "SELECT " + COLUMNS + " FROM state_records"
            + " WHERE store = ? AND grp = ? AND id = ? AND (expires_at IS NULL OR expires_at > ?)";
    private static final String PAGE = "SELECT " + COLUMNS + " FROM state_records"
            + " WHERE store = ? AND grp = ? AND id > ? AND (expires_at IS NULL OR expires_at > ?) ORDER BY id LIMIT ?";
    private static final String UPSERT = "INSERT OR REPLACE INTO state_records"
            + " (store, grp, id, content_type, value, version, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String REMOVE = "DELETE FROM state_records WHERE store = ? AND grp = ? AND id = ?";

    private StateRows() {
    }

    static Optional<StateEntry> find(Database db, String store, Key key, long now) throws SQLException {
        PreparedStatement s = db.statement(FIND);
        s.setString(1, store);
        s.setString(2, key.group());
        s.setString(3, key.id());
        s.setLong(4, now);
        try (ResultSet rs = s.executeQuery()) {
            return rs.next() ? Optional.of(entry(rs)) : Optional.empty();
        }
    }

    /** Up to {@code limit} visible entries of a group with ids after {@code afterId} (null: from the start). */
    static List<StateEntry> page(Database db, String store, String group, String afterId, int limit, long now)
            throws SQLException {
        PreparedStatement s = db.statement(PAGE);
        s.setString(1, store);
        s.setString(2, group);
        s.setString(3, afterId == null ? "" : afterId);
        s.setLong(4, now);
        s.setInt(5, limit);
        List<StateEntry> entries = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                entries.add(entry(rs));
            }
        }
        return entries;
    }

    static Version upsert(Database db, String store, Key key, StateValue value, Optional<Instant> expiresAt)
            throws SQLException {
        Version version = new Version(Long.toHexString(ThreadLocalRandom.current().nextLong()));
        PreparedStatement s = db.statement(UPSERT);
        s.setString(1, store);
        s.setString(2, key.group());
        s.setString(3, key.id());
        s.setInt(4, value.type().ordinal());
        s.setBytes(5, value.bytes());
        s.setString(6, version.value());
        if (expiresAt.isPresent()) {
            s.setLong(7, expiresAt.get().toEpochMilli());
        } else {
            s.setNull(7, java.sql.Types.INTEGER);
        }
        s.executeUpdate();
        return version;
    }

    static void remove(Database db, String store, Key key) throws SQLException {
        PreparedStatement s = db.statement(REMOVE);
        s.setString(1, store);
        s.setString(2, key.group());
        s.setString(3, key.id());
        s.executeUpdate();
    }

    /** Deletes rows expired before {@code now}; returns how many. */
    static int purgeExpired(Connection c, long now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "DELETE FROM state_records WHERE expires_at IS NOT NULL AND expires_at <= ?")) {
            s.setLong(1, now);
            return s.executeUpdate();
        }
    }

    private static StateEntry entry(ResultSet rs) throws SQLException {
        ContentType type = ContentType.values()[rs.getInt(3)];
        byte[] bytes = rs.getBytes(4);
        long expires = rs.getLong(6);
        Optional<Instant> expiresAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(expires));
        StateValue value = type == ContentType.JSON ? StateValue.json(bytes) : StateValue.bytes(bytes);
        return new StateEntry(new Key(rs.getString(1), rs.getString(2)), value, new Version(rs.getString(5)), expiresAt);
    }
}
