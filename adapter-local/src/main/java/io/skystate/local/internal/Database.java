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
 * of work one transaction. A committed transaction is in the WAL file before {@link #inTransaction} returns, so it
 * survives a killed process ({@code synchronous=NORMAL}); {@code synchronous=FULL} also survives power loss.
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

    private Database(Connection connection, boolean durable) {
        this.connection = connection;
        this.durable = durable;
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
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.setBusyTimeout(10_000);
        if (durable) {
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(fullSync ? SQLiteConfig.SynchronousMode.FULL : SQLiteConfig.SynchronousMode.NORMAL);
        }
        try {
            Connection connection = config.createConnection(url);
            connection.setAutoCommit(false);
            Database database = new Database(connection, durable);
            database.inTransaction(Schema::create);
            return database;
        } catch (SQLException e) {
            throw new TransientException("local", "cannot open the embedded database " + url + ": " + e.getMessage(), e);
        }
    }

    /** True for a file database. */
    public boolean durable() {
        return durable;
    }

    /** Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. */
    public <T> T inTransaction(Work<T> work) {
        lock.lock();
        try {
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException e) {
                rollbackQuietly(e);
                throw new TransientException("local", "embedded database error: " + e.getMessage(), e);
            } catch (RuntimeException | Error e) {
                rollbackQuietly(e);
                throw e;
            }
        } finally {
            lock.unlock();
        }
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
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public void close() {
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
