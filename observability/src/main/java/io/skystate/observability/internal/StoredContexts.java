package io.skystate.observability.internal;

import io.opentelemetry.context.Context;
import io.skystate.api.Codec;
import io.skystate.api.state.Key;
import io.skystate.api.state.PutOptions;
import io.skystate.api.state.StateEntry;
import io.skystate.api.state.StateStore;
import io.skystate.api.state.StateValue;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The observability store: small JSON records (string fields) that carry a trace context and facts between the
 * processes of one application, read and written on the plain delegate store so they are never observed
 * themselves. The store is opened on first use. Thread-safe.
 */
final class StoredContexts {
    /** A record as read: its fields and its entry (for conditional writes). */
    record Stored(Map<String, String> fields, StateEntry entry) {
        Optional<String> field(String name) {
            return Optional.ofNullable(fields.get(name));
        }

        Context context() {
            return Telemetry.extract(fields);
        }
    }

    private final Memo<StateStore> store;
    private final Codec codec;

    StoredContexts(Supplier<StateStore> store, Codec codec) {
        this.store = new Memo<>(store);
        this.codec = codec;
    }

    StateStore store() {
        return store.get();
    }

    /** The W3C fields of {@code context} plus {@code fields}, as a record's fields. */
    static Map<String, String> withContext(Context context, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(Telemetry.inject(context));
        all.putAll(fields);
        return all;
    }

    Optional<Stored> read(Key key) {
        return store.get().get(key).map(entry -> new Stored(decode(entry.value().bytes()), entry));
    }

    void write(Key key, Map<String, String> fields, PutOptions options) {
        store.get().put(key, StateValue.json(codec.encode(fields)), options);
    }

    /** Rewrites {@code stored} with {@code fields} if it has not changed since read, keeping its expiry. */
    void replace(Stored stored, Map<String, String> fields) {
        PutOptions options = PutOptions.ifVersion(stored.entry().version());
        Optional<Instant> expiry = stored.entry().expiresAt();
        write(stored.entry().key(), fields, expiry.isPresent() ? options.expiringAt(expiry.get()) : options);
    }

    private Map<String, String> decode(byte[] json) {
        Map<?, ?> raw = codec.decode(json, Map.class);
        Map<String, String> fields = new LinkedHashMap<>();
        raw.forEach((k, v) -> {
            if (k != null && v != null) {
                fields.put(k.toString(), v.toString());
            }
        });
        return fields;
    }
}
