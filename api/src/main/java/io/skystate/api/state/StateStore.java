package io.skystate.api.state;

import io.skystate.api.Codec;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * A named key/value store of JSON documents and byte values, obtained from {@link io.skystate.api.Skystate#stateStore}.
 *
 * <p><b>Consistency.</b> Reads see every write acknowledged earlier to the same key (read-your-writes per key, on
 * every adapter), and a listing sees every write to its group acknowledged before the listing started. Each write returns the record's new opaque {@link Version}; conditional writes
 * ({@link Condition}) are atomic with their check.
 *
 * <p><b>Expiry.</b> A record written with an expiry is invisible from that instant on every read path (get,
 * getAll, list, conditions and transactions), even when the provider deletes expired data lazily.
 *
 * <p><b>Errors.</b> Invalid keys ({@link io.skystate.api.InvalidKeyException}) and oversize records
 * ({@link io.skystate.api.PayloadTooLargeException}, see {@link StateLimits}) fail before any provider call. Failed
 * conditions raise {@link io.skystate.api.AlreadyExistsException} or {@link io.skystate.api.VersionConflictException};
 * nothing is written on any error.
 *
 * <p>Implementations are thread-safe.
 */
public interface StateStore {
    /** The store's name. */
    String name();

    /** The record under {@code key}, or empty when absent or expired. */
    Optional<StateEntry> get(Key key);

    /** The records that exist (and are not expired) among {@code keys}; absent keys are left out of the map. */
    Map<Key, StateEntry> getAll(Collection<Key> keys);

    /** Writes the whole record (value and expiry) if {@code options.condition()} holds; returns the new version. */
    Version put(Key key, StateValue value, PutOptions options);

    /**
     * Deletes the record if {@code condition} holds. Returns true if a visible record was deleted, false if there
     * was none (which is only possible with {@link Condition#none()}; a version condition on an absent record fails).
     */
    boolean delete(Key key, Condition condition);

    /**
     * Applies every operation or none; throws {@link TransactionFailedException} naming the failed operation. An
     * invalid put (oversize, malformed JSON) fails before any provider call with the same error a single put raises.
     * Returns the new version of every put.
     */
    Map<Key, Version> transact(Transaction transaction);

    /** One page of a group's records in key order. */
    Page list(ListRequest request);

    /** The codec this store's typed helpers use. */
    Codec codec();

    /** The provider's native client (for example a DynamoDB client or a JDBC DataSource), if it is of that type. */
    <T> Optional<T> unwrap(Class<T> type);

    /** Unconditional write that never expires. */
    default Version put(Key key, StateValue value) {
        return put(key, value, PutOptions.always());
    }

    /** Encodes {@code value} as JSON with {@link #codec()} and writes it. */
    default Version putJson(Key key, Object value, PutOptions options) {
        return put(key, StateValue.json(codec().encode(value)), options);
    }

    /** Reads a JSON record and decodes it as {@code type}. */
    default <T> Optional<T> getJson(Key key, Class<T> type) {
        return get(key).map(entry -> codec().decode(entry.value().bytes(), type));
    }

    /** Unconditional delete. */
    default boolean delete(Key key) {
        return delete(key, Condition.none());
    }
}
