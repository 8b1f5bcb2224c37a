package io.skystate.local.internal;

import io.skystate.api.AlreadyExistsException;
import io.skystate.api.Codec;
import io.skystate.api.InvalidRequestException;
import io.skystate.api.VersionConflictException;
import io.skystate.api.state.Condition;
import io.skystate.api.state.Key;
import io.skystate.api.state.ListRequest;
import io.skystate.api.state.Page;
import io.skystate.api.state.PutOptions;
import io.skystate.api.state.StateEntry;
import io.skystate.api.state.StateStore;
import io.skystate.api.state.StateValue;
import io.skystate.api.state.Transaction;
import io.skystate.api.state.TransactionFailedException;
import io.skystate.api.state.TransactionOperation;
import io.skystate.api.state.Version;
import io.skystate.core.state.WriteGuard;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link StateStore} on the embedded SQLite database. Every operation is one SQLite transaction, so conditions are
 * checked atomically with their write and transactions are all-or-nothing across any groups. Versions are random
 * 64-bit values, so a version of a deleted record never matches its successor. Thread-safe.
 */
public final class SqliteStateStore implements StateStore {
    private static final String PROVIDER = "local";

    private final String name;
    private final Database database;
    private final WriteGuard guard;
    private final Codec codec;
    private final Clock clock;

    public SqliteStateStore(String name, Database database, WriteGuard guard, Codec codec, Clock clock) {
        this.name = name;
        this.database = database;
        this.guard = guard;
        this.codec = codec;
        this.clock = clock;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<StateEntry> get(Key key) {
        return database.inTransaction(c -> StateRows.find(database, name, key, clock.millis()));
    }

    @Override
    public Map<Key, StateEntry> getAll(Collection<Key> keys) {
        return database.inTransaction(c -> {
            long now = clock.millis();
            Map<Key, StateEntry> found = new LinkedHashMap<>();
            for (Key key : keys) {
                StateRows.find(database, name, key, now).ifPresent(entry -> found.put(key, entry));
            }
            return found;
        });
    }

    @Override
    public Version put(Key key, StateValue value, PutOptions options) {
        guard.checkPut(key, value);
        return database.inTransaction(c -> {
            checkCondition(key, options.condition(), clock.millis());
            return StateRows.upsert(database, name, key, value, options.expiresAt());
        });
    }

    @Override
    public boolean delete(Key key, Condition condition) {
        return database.inTransaction(c -> {
            boolean existed = checkCondition(key, condition, clock.millis()).isPresent();
            StateRows.remove(database, name, key);
            return existed;
        });
    }

    @Override
    public Map<Key, Version> transact(Transaction transaction) {
        guard.checkTransaction(transaction, true);
        return database.inTransaction(c -> {
            long now = clock.millis();
            Map<Key, Version> versions = new LinkedHashMap<>();
            List<TransactionOperation> ops = transaction.operations();
            for (int i = 0; i < ops.size(); i++) {
                TransactionOperation op = ops.get(i);
                try {
                    apply(op, now).ifPresent(v -> versions.put(op.key(), v));
                } catch (AlreadyExistsException | VersionConflictException e) {
                    throw new TransactionFailedException(PROVIDER, i, TransactionFailedException.Reason.CONDITION_FAILED,
                            "operation " + i + " on " + op.key() + " failed: " + e.getMessage(), e);
                }
            }
            return versions;
        });
    }

    @Override
    public Page list(ListRequest request) {
        String after = request.cursor().map(this::decodeCursor).orElse(null);
        List<StateEntry> rows = database.inTransaction(c ->
                StateRows.page(database, name, request.group(), after, request.pageSize() + 1, clock.millis()));
        if (rows.size() <= request.pageSize()) {
            return new Page(rows, Optional.empty());
        }
        List<StateEntry> entries = rows.subList(0, request.pageSize());
        return new Page(entries, Optional.of(encodeCursor(entries.get(entries.size() - 1).key().id())));
    }

    @Override
    public Codec codec() {
        return codec;
    }

    @Override
    public <T> Optional<T> unwrap(Class<T> type) {
        return type.isInstance(database) ? Optional.of(type.cast(database)) : Optional.empty();
    }

    private Optional<Version> apply(TransactionOperation op, long now) throws SQLException {
        if (op instanceof TransactionOperation.Put put) {
            checkCondition(put.key(), put.options().condition(), now);
            return Optional.of(StateRows.upsert(database, name, put.key(), put.value(), put.options().expiresAt()));
        }
        if (op instanceof TransactionOperation.Delete delete) {
            checkCondition(delete.key(), delete.condition(), now);
            StateRows.remove(database, name, delete.key());
            return Optional.empty();
        }
        TransactionOperation.Check check = (TransactionOperation.Check) op;
        checkCondition(check.key(), check.condition(), now);
        return Optional.empty();
    }

    /** The visible current record, after checking {@code condition} against it. */
    private Optional<StateEntry> checkCondition(Key key, Condition condition, long now)
            throws SQLException {
        Optional<StateEntry> current = StateRows.find(database, name, key, now);
        switch (condition.kind()) {
            case IF_ABSENT -> {
                if (current.isPresent()) {
                    throw new AlreadyExistsException(PROVIDER, key + " already exists in store '" + name + "'");
                }
            }
            case IF_VERSION -> {
                if (current.isEmpty() || !current.get().version().equals(condition.version())) {
                    throw new VersionConflictException(PROVIDER, key + " in store '" + name + "' is "
                            + current.map(e -> "at version " + e.version()).orElse("absent")
                            + ", not at version " + condition.version());
                }
            }
            case NONE -> {
            }
        }
        return current;
    }

    private String encodeCursor(String lastId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("c1:" + lastId).getBytes(StandardCharsets.UTF_8));
    }

    private String decodeCursor(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith("c1:")) {
                return text.substring(3);
            }
        } catch (IllegalArgumentException e) {
            // fall through to the typed error
        }
        throw new InvalidRequestException(PROVIDER, "not a cursor issued by this store: " + cursor);
    }
}
