package io.skystate.azure.internal.cosmos;

import com.azure.cosmos.CosmosContainer;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import io.skystate.core.crypto.Keys;
import io.skystate.core.state.WriteGuard;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@link StateStore} on one Cosmos DB for NoSQL container (layout: {@link CosmosItems}). Reads are point reads
 * (session consistency gives read-your-writes through this client); an if-absent put is a create (409 if present),
 * and when the item there has expired but not yet been deleted by Cosmos DB it is replaced under its {@code _etag};
 * an if-version put is a replace with {@code If-Match} on the ETag inside the version, refused at once when the
 * version says the record has expired; deletes read first to report whether a visible record went. Transient
 * failures are retried ({@link CosmosCalls}); each write carries a nonce, so a retried write that had landed before
 * its answer was lost is recognised as this write's own instead of as a conflict. Transactions:
 * {@link CosmosTransactions}; listing: an {@code ORDER BY c.id} query per page through {@link OrderedListing}.
 * Thread-safe.
 */
public final class CosmosStateStore implements StateStore {
    static final int MAX_RACES = 50;

    private final String name;
    private final CosmosCalls calls;
    private final WriteGuard guard;
    private final Codec codec;
    private final Clock clock;
    private final CosmosTransactions transactions;
    private final OrderedListing listing = new OrderedListing(CosmosItems.ID_LENGTH);

    public CosmosStateStore(String name, CosmosContainer container, WriteGuard guard, Codec codec, Clock clock) {
        this.name = name;
        this.calls = new CosmosCalls(container, clock);
        this.guard = guard;
        this.codec = codec;
        this.clock = clock;
        this.transactions = new CosmosTransactions(calls, guard, clock);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<StateEntry> get(Key key) {
        return CosmosItems.entry(calls.read(key), clock.millis());
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
        long now = clock.millis();
        String nonce = Keys.randomId();
        ObjectNode item = CosmosItems.item(key, value, options.expiresAt(), now, nonce);
        Long expiresAt = options.expiresAt().map(java.time.Instant::toEpochMilli).orElse(null);
        Condition condition = options.condition();
        switch (condition.kind()) {
            case NONE -> {
                return written(expiresAt, calls.write(key, Conditions.Action.UPSERT, item, null), key);
            }
            case IF_VERSION -> {
                String etag = CosmosItems.etagOf(condition.version());
                if (etag == null || CosmosItems.versionExpired(condition.version(), now)) {
                    throw Conditions.failed(key, condition, null);
                }
                String newEtag = calls.write(key, Conditions.Action.REPLACE_IF_MATCH, item, etag);
                if (newEtag == null) {
                    return ownWrite(key, nonce).orElseThrow(() -> Conditions.failed(key, condition, null));
                }
                return written(expiresAt, newEtag, key);
            }
            default -> {
                for (int race = 0; race < MAX_RACES; race++) {
                    String etag = calls.write(key, Conditions.Action.CREATE, item, null);
                    if (etag != null) {
                        return written(expiresAt, etag, key);
                    }
                    ObjectNode there = calls.read(key);
                    if (CosmosItems.writtenBy(there, nonce)) {
                        return CosmosItems.version(there, there.path("_etag").asText());
                    }
                    if (there != null) {
                        Conditions.Current current = CosmosItems.current(there, clock.millis());
                        Conditions.put(key, condition, current);
                        etag = calls.write(key, Conditions.Action.REPLACE_IF_MATCH, item, current.etag());
                        if (etag != null) {
                            return written(expiresAt, etag, key);
                        }
                    }
                }
                throw races("put " + key);
            }
        }
    }

    @Override
    public boolean delete(Key key, Condition condition) {
        for (int race = 0; race < MAX_RACES; race++) {
            Conditions.Current current = CosmosItems.current(calls.read(key), clock.millis());
            Conditions.Action action = Conditions.delete(key, condition, current);
            if (action != Conditions.Action.DELETE_IF_MATCH) {
                return false;
            }
            if (calls.write(key, action, null, current.etag()) != null || calls.read(key) == null) {
                return current.visible(); // deleted (a retried delete that had landed answers 404)
            }
        }
        throw races("delete " + key);
    }

    @Override
    public Map<Key, Version> transact(Transaction transaction) {
        return transactions.apply(transaction);
    }

    @Override
    public Page list(ListRequest request) {
        return listing.list(request, calls.partition(request.group()));
    }

    @Override
    public Codec codec() {
        return codec;
    }

    @Override
    public <T> Optional<T> unwrap(Class<T> type) {
        return type.isInstance(calls.container()) ? Optional.of(type.cast(calls.container())) : Optional.empty();
    }

    /** The version of {@code key} if its item is the one the write with {@code nonce} produced. */
    private Optional<Version> ownWrite(Key key, String nonce) {
        ObjectNode there = calls.read(key);
        return CosmosItems.writtenBy(there, nonce)
                ? Optional.of(CosmosItems.version(there, there.path("_etag").asText())) : Optional.empty();
    }

    private static Version written(Long expiresAt, String etag, Key key) {
        if (etag == null) {
            throw new TransientException(AzureErrors.PROVIDER, "write of " + key + " was refused unexpectedly");
        }
        return new Version(CosmosItems.versionOf(expiresAt, etag));
    }

    static TransientException races(String what) {
        return new TransientException(AzureErrors.PROVIDER, what + " lost " + MAX_RACES
                + " races in a row with concurrent writers; retry later");
    }
}
