package io.skystate.local.internal;

import io.skystate.api.TransientException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * The embedded SQLite database behind the local adapter: one connection in WAL mode, used under a lock, each unit
 * of work one {@code BEGIN IMMEDIATE ... COMMIT} transaction. A committed transaction is in the WAL file before
 * {@link #inTransaction} returns, so it survives a killed process ({@code synchronous=NORMAL});
 * {@code synchronous=FULL} also survives power loss.
 *
 * <p><b>Sharing.</b> The connection stays in auto-commit mode between units of work, so an idle instance holds no
 * lock: several instances and processes can use one file, each write transaction waiting (up to
 * {@value #BUSY_TIMEOUT_MILLIS} ms) for the one in progress. If that wait runs out, the error names the processes
 * registered as using the file ({@link Instances}).
 */
public final class Database implements AutoCloseable {
    /** Work done inside a transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private final java.util.Map<String, java.sql.PreparedStatement> statements = new java.util.HashMap<>();
    private final boolean durable;
    private final String location;
    private Instances instances;

    /** How long a write waits for another connection's transaction before failing. */
    static final int BUSY_TIMEOUT_MILLIS = 10_000;

    private Database(Connection connection, boolean durable, String location) {
        this.connection = connection;
        this.durable = durable;
        this.location = location;
    }

    /** A private in-memory database, gone when closed. */
    public static Database inMemory() {
        return open("jdbc:sqlite::memory:", false, false);
    }

    /** A database file, created if absent. */
    public static Database file(Path path, boolean fullSync) {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            parent.toFile().mkdirs();
        }
        return open("jdbc:sqlite:" + path.toAbsolutePath(), true, fullSync);
    }

    private static Database open(String url, boolean durable, boolean fullSync) {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        if (durable) {
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(fullSync ? SQLiteConfig.SynchronousMode.FULL : SQLiteConfig.SynchronousMode.NORMAL);
        }
        try {
            Connection connection = config.createConnection(url);
            connection.setAutoCommit(true);
            Database database = new Database(connection, durable, url);
            database.inTransaction(Schema::create);
            if (durable) {
                database.instances = Instances.register(database);
            }
            return database;
        } catch (SQLException e) {
            throw new TransientException("local", "cannot open the embedded database " + url + ": " + e.getMessage(), e);
        }
    }

    /** The connection, for a read outside any transaction (what {@link Instances} does while the file is busy). */
    java.sql.Connection readConnection() {
        return connection;
    }

    /** True for a file database. */
    public boolean durable() {
        return durable;
    }

    /**
     * Runs {@code work} in one write transaction ({@code BEGIN IMMEDIATE}): committed if it returns, rolled back if
     * it throws. No lock is held before or after. Called again from inside {@code work} (a state store write made
     * while a workflow transition commits), it joins the transaction already open.
     */
    public <T> T inTransaction(Work<T> work) {
        lock.lock();
        try {
            if (lock.getHoldCount() > 1) {
                return joinOuter(work);
            }
            execute("BEGIN IMMEDIATE");
            try {
                T result = work.run(connection);
                execute("COMMIT");
                return result;
            } catch (SQLException e) {
                rollbackQuietly(e);
                throw translate(e);
            } catch (RuntimeException | Error e) {
                rollbackQuietly(e);
                throw e;
            }
        } catch (SQLException e) {
            throw translate(e);
        } finally {
            lock.unlock();
        }
    }

    /** Work called from inside another unit of work on this thread joins that transaction (all or nothing). */
    private <T> T joinOuter(Work<T> work) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    private TransientException translate(SQLException e) {
        boolean busy = e.getErrorCode() == 5 || e.getErrorCode() == 6 || String.valueOf(e.getMessage()).contains("SQLITE_BUSY");
        if (busy) {
            String holders = instances == null ? "" : instances.othersDescribed();
            return new TransientException("local", "the database " + location + " stayed locked by another writer for "
                    + BUSY_TIMEOUT_MILLIS + " ms" + (holders.isEmpty() ? "" : "; other processes using it: " + holders), e);
        }
        return new TransientException("local", "embedded database error: " + e.getMessage(), e);
    }

    /**
     * A statement prepared once and kept for the connection's life (sqlite-jdbc caches none, and preparing was
     * the largest cost of a small read or write). Only valid inside {@link #inTransaction}, whose lock makes the
     * connection, and so the statement, this thread's alone.
     */
    public java.sql.PreparedStatement statement(String sql) throws SQLException {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("cached statements are only for use inside inTransaction");
        }
        java.sql.PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        } else {
            statement.clearParameters();
        }
        return statement;
    }

    private void rollbackQuietly(Throwable cause) {
        try {
            execute("ROLLBACK");
        } catch (SQLException e) {
            if (!String.valueOf(e.getMessage()).contains("no transaction is active")) {
                cause.addSuppressed(e);
            }
        }
    }

    @Override
    public void close() {
        if (instances != null) {
            instances.deregister();
        }
        lock.lock();
        try {
            if (durable) {
                try (Statement s = connection.createStatement()) {
                    s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                } catch (SQLException ignored) {
                    // Closing anyway; the WAL is replayed on next open.
                }
            }
            for (java.sql.PreparedStatement statement : statements.values()) {
                statement.close();
            }
            statements.clear();
            connection.close();
        } catch (SQLException e) {
            throw new TransientException("local", "error closing the embedded database", e);
        } finally {
            lock.unlock();
        }
    }
}
