package io.skystate.bench.state;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * The physical floor: the SQL that adapter-local's {@code SqliteStateStore} runs for each operation, issued directly
 * through JDBC on one connection opened with the same {@code SQLiteConfig} (IMMEDIATE transactions, busy timeout,
 * WAL + synchronous=NORMAL for a file) and the same {@code state_records} table, under one lock as the adapter's
 * {@code Database} does (a JDBC connection is not thread-safe). Statements are prepared once ({@code prepareEach}
 * false), as a hand-written DAO would; with {@code prepareEach} true they are prepared per call, as the adapter did before a812fc5.
 */
public final class RawSqlite implements AutoCloseable {
    static final String DDL = """
            CREATE TABLE IF NOT EXISTS state_records (
              store TEXT NOT NULL, grp TEXT NOT NULL, id TEXT NOT NULL,
              content_type INTEGER NOT NULL, value BLOB NOT NULL, version TEXT NOT NULL, expires_at INTEGER,
              PRIMARY KEY (store, grp, id)) WITHOUT ROWID""";
    static final String INDEX = "CREATE INDEX IF NOT EXISTS state_expiry ON state_records(expires_at) WHERE expires_at IS NOT NULL";
    static final String SELECT = "SELECT grp, id, content_type, value, version, expires_at FROM state_records"
            + " WHERE store = ? AND grp = ? AND id = ? AND (expires_at IS NULL OR expires_at > ?)";
    static final String UPSERT = "INSERT OR REPLACE INTO state_records"
            + " (store, grp, id, content_type, value, version, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)";

    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private final boolean prepareEach;
    private final PreparedStatement select;
    private final PreparedStatement upsert;
    private final String store;

    public RawSqlite(Path file, String store, boolean prepareEach) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.setBusyTimeout(10_000);
        if (file != null) {
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        }
        String url = file == null ? "jdbc:sqlite::memory:" : "jdbc:sqlite:" + file.toAbsolutePath();
        this.connection = config.createConnection(url);
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            s.execute(DDL);
            s.execute(INDEX);
        }
        connection.commit();
        this.prepareEach = prepareEach;
        this.select = prepareEach ? null : connection.prepareStatement(SELECT);
        this.upsert = prepareEach ? null : connection.prepareStatement(UPSERT);
        this.store = store;
    }

    /** A row as read: version and value. */
    public record Row(String version, byte[] value) {
    }

    /** get: one SELECT in its own transaction. */
    public Row get(String group, String id) throws SQLException {
        lock.lock();
        try {
            Row row = find(group, id, System.currentTimeMillis());
            connection.commit();
            return row;
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            lock.unlock();
        }
    }

    /**
     * put: SELECT of the current row (the adapter reads it for every put, condition or not), the condition check,
     * INSERT OR REPLACE with a new random version, commit. {@code expectedVersion} null: unconditional.
     */
    public String put(String group, String id, byte[] json, String expectedVersion) throws SQLException {
        lock.lock();
        try {
            String version = putInTx(group, id, json, expectedVersion, System.currentTimeMillis());
            connection.commit();
            return version;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            lock.unlock();
        }
    }

    /** A transaction of unconditional puts: per operation SELECT + INSERT OR REPLACE, one commit. */
    public void putAll(String group, String[] ids, byte[] json) throws SQLException {
        lock.lock();
        try {
            long now = System.currentTimeMillis();
            for (String id : ids) {
                putInTx(group, id, json, null, now);
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            lock.unlock();
        }
    }

    private String putInTx(String group, String id, byte[] json, String expectedVersion, long now) throws SQLException {
        Row current = find(group, id, now);
        if (expectedVersion != null && (current == null || !current.version().equals(expectedVersion))) {
            throw new IllegalStateException("version conflict on " + group + "/" + id);
        }
        String version = Long.toHexString(ThreadLocalRandom.current().nextLong());
        PreparedStatement s = prepareEach ? connection.prepareStatement(UPSERT) : upsert;
        try {
            s.setString(1, store);
            s.setString(2, group);
            s.setString(3, id);
            s.setInt(4, 0);
            s.setBytes(5, json);
            s.setString(6, version);
            s.setNull(7, java.sql.Types.INTEGER);
            s.executeUpdate();
        } finally {
            if (prepareEach) {
                s.close();
            }
        }
        return version;
    }

    private Row find(String group, String id, long now) throws SQLException {
        PreparedStatement s = prepareEach ? connection.prepareStatement(SELECT) : select;
        try {
            s.setString(1, store);
            s.setString(2, group);
            s.setString(3, id);
            s.setLong(4, now);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                rs.getInt(3);
                byte[] value = rs.getBytes(4);
                String version = rs.getString(5);
                rs.getLong(6);
                rs.wasNull();
                rs.getString(1);
                rs.getString(2);
                return new Row(version, value);
            }
        } finally {
            if (prepareEach) {
                s.close();
            }
        }
    }

    @Override
    public void close() throws SQLException {
        lock.lock();
        try {
            if (select != null) {
                select.close();
                upsert.close();
            }
            connection.close();
        } finally {
            lock.unlock();
        }
    }
}
