package io.skystate.azure.internal.tables;

import com.azure.data.tables.TableClient;
import com.azure.data.tables.models.TableEntity;
import com.azure.data.tables.models.TableEntityUpdateMode;
import io.skystate.api.Codec;
import io.skystate.api.TransientException;
import io.skystate.api.state.Condition;
import io.skystate.api.state.Key;
import io.skystate.api.state.ListRequest;
import io.skystate.api.state.Page;
import io.skystate.api.state.PutOptions;
import io.skystate.api.state.StateEntry;
import io.skystate.api.state.StateStore;
import io.skystate.api.state.StateValue;
import io.skystate.api.state.Transaction;
import io.skystate.api.state.Version;
import io.skystate.azure.internal.AzureErrors;
import io.skystate.azure.internal.Conditions;
import io.skystate.azure.internal.OrderedListing;
import io.skystate.core.state.WriteGuard;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@link StateStore} on one Azure table (Azure Table Storage, or Azure Cosmos DB for Table with the same SDK). Layout:
 * {@link TableEntities}. Versions are a random {@code v} property guarded by the entity's ETag: every conditional
 * write reads the entity, evaluates the portable condition with expired-is-absent ({@link Conditions}), and writes
 * with {@code If-Match} on the ETag it read, re-reading when another writer got in between. (The ETag itself cannot
 * be the version: an entity-group transaction has no read-only check, and proving an entity unchanged inside one
 * changes its ETag.) The version is also the write's nonce: when the SDK retried a write that had in fact landed
 * (its answer lost to a 503 or a dropped connection) and the retry answers 409 or 412, the re-read recognises the
 * write as this one's own instead of reporting a conflict. Transactions: {@link TableTransactions}; listing: {@link OrderedListing} over RowKey ranges;
 * expired entities are invisible on every read and deleted by {@link #sweepExpired()}. Thread-safe.
 */
public final class TableStateStore implements StateStore {
    static final int MAX_RACES = 50;

    private final String name;
    private final TableClient table;
    private final WriteGuard guard;
    private final Codec codec;
    private final Clock clock;
    private final TableTransactions transactions;
    private final TableReads reads;
    private final OrderedListing listing = new OrderedListing(TableEntities.KEY_LENGTH);

    /**
     * @param sortedQueries false for Azure Cosmos DB for Table, whose query results are not in RowKey order
     */
    public TableStateStore(String name, TableClient table, WriteGuard guard, Codec codec, Clock clock,
            boolean sortedQueries) {
        this.name = name;
        this.table = table;
        this.guard = guard;
        this.codec = codec;
        this.clock = clock;
        this.reads = new TableReads(table, clock, sortedQueries);
        this.transactions = new TableTransactions(table, reads, guard, clock);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<StateEntry> get(Key key) {
        return TableEntities.entry(reads.read(key), clock.millis());
    }

    @Override
    public Map<Key, StateEntry> getAll(Collection<Key> keys) {
        Map<Key, StateEntry> found = new LinkedHashMap<>();
        for (Key key : keys.stream().distinct().toList()) {
            get(key).ifPresent(entry -> found.put(key, entry));
        }
        return found;
    }

    @Override
    public Version put(Key key, StateValue value, PutOptions options) {
        guard.checkPut(key, value);
        String version = newVersion();
        TableEntity entity = TableEntities.entity(key, value, version, options.expiresAt());
        Condition condition = options.condition();
        if (condition.kind() == Condition.Kind.NONE) {
            reads.call("put " + key, () -> table.upsertEntityWithResponse(entity, TableEntityUpdateMode.REPLACE, null, null));
            return new Version(version);
        }
        for (int race = 0; race < MAX_RACES; race++) {
            TableEntity existing = condition.kind() == Condition.Kind.IF_ABSENT ? null : reads.read(key);
            if (TableEntities.writtenBy(existing, version)) {
                return new Version(version); // a retry of this write had landed: it was ours
            }
            if (condition.kind() == Condition.Kind.IF_ABSENT || existing != null) {
                Conditions.Current current = TableEntities.current(existing, clock.millis());
                Conditions.Action action = Conditions.put(key, condition, current);
                if (reads.write(key, action, action == Conditions.Action.CREATE ? entity
                        : TableEntities.ifMatch(entity, current.etag()))) {
                    return new Version(version);
                }
                if (action == Conditions.Action.CREATE) {
                    // Something is there: decide on what it is (an expired entity is replaced under its ETag).
                    TableEntity there = reads.read(key);
                    if (TableEntities.writtenBy(there, version)) {
                        return new Version(version);
                    }
                    if (there != null) {
                        Conditions.Current found = TableEntities.current(there, clock.millis());
                        Conditions.put(key, condition, found);
                        if (reads.write(key, Conditions.Action.REPLACE_IF_MATCH, TableEntities.ifMatch(entity, found.etag()))) {
                            return new Version(version);
                        }
                    }
                }
            } else {
                throw Conditions.failed(key, condition, null);
            }
        }
        throw races("put " + key);
    }

    @Override
    public boolean delete(Key key, Condition condition) {
        for (int race = 0; race < MAX_RACES; race++) {
            TableEntity existing = reads.read(key);
            Conditions.Current current = TableEntities.current(existing, clock.millis());
            Conditions.Action action = Conditions.delete(key, condition, current);
            if (action != Conditions.Action.DELETE_IF_MATCH) {
                return false;
            }
            if (reads.write(key, action, existing)) {
                return current.visible();
            }
        }
        throw races("delete " + key);
    }

    @Override
    public Map<Key, Version> transact(Transaction transaction) {
        return transactions.apply(transaction, this::newVersion);
    }

    @Override
    public Page list(ListRequest request) {
        return listing.list(request, reads.group(request.group()));
    }

    /** Deletes every entity of this table that has expired (each only if unchanged since it was read). */
    public int sweepExpired() {
        return reads.sweepExpired();
    }

    @Override
    public Codec codec() {
        return codec;
    }

    @Override
    public <T> Optional<T> unwrap(Class<T> type) {
        return type.isInstance(table) ? Optional.of(type.cast(table)) : Optional.empty();
    }

    private String newVersion() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
    }

    static TransientException races(String what) {
        return new TransientException(AzureErrors.PROVIDER, what + " lost " + MAX_RACES
                + " races in a row with concurrent writers; retry later");
    }
}
