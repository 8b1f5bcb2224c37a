package io.skystate.local.internal;

import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The processes using a database file, each registered with its pid and host while it has the file open, so that
 * a write that waits too long for the lock can say who holds the file. Entries of processes that died without
 * closing are dropped when no such pid is alive on this host. Thread-safe.
 */
final class Instances {
    private static final System.Logger LOG = System.getLogger(Instances.class.getName());

    private final Database database;
    private final String id;

    private Instances(Database database, String id) {
        this.database = database;
        this.id = id;
    }

    static Instances register(Database database) {
        String id = ProcessHandle.current().pid() + "@" + host() + "#" + Integer.toHexString(System.identityHashCode(database));
        database.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT OR REPLACE INTO local_instances (id, pid, host, opened_at)"
                    + " VALUES (?, ?, ?, ?)")) {
                s.setString(1, id);
                s.setLong(2, ProcessHandle.current().pid());
                s.setString(3, host());
                s.setLong(4, System.currentTimeMillis());
                return s.executeUpdate();
            }
        });
        return new Instances(database, id);
    }

    void deregister() {
        try {
            database.inTransaction(c -> {
                try (PreparedStatement s = c.prepareStatement("DELETE FROM local_instances WHERE id = ?")) {
                    s.setString(1, id);
                    return s.executeUpdate();
                }
            });
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "could not deregister from the database file", e);
        }
    }

    /**
     * The other live processes registered on the file, described ("pid 4711 on host since 2026-11-30T08:00:00Z");
     * read without the write lock, since it is what is busy.
     */
    String othersDescribed() {
        List<String> others = new ArrayList<>();
        try (PreparedStatement s = database.readConnection().prepareStatement(
                "SELECT id, pid, host, opened_at FROM local_instances")) {
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    boolean self = rs.getString(1).equals(id);
                    boolean dead = rs.getString(3).equals(host())
                            && ProcessHandle.of(rs.getLong(2)).map(p -> !p.isAlive()).orElse(true);
                    if (!self && !dead) {
                        others.add("pid " + rs.getLong(2) + " on " + rs.getString(3) + " since "
                                + Instant.ofEpochMilli(rs.getLong(4)));
                    }
                }
            }
        } catch (java.sql.SQLException e) {
            return "";
        }
        return String.join(", ", others);
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
