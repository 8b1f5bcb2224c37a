package io.skystate.bench.azure;

import io.skystate.api.state.Key;
import io.skystate.api.state.PutOptions;
import io.skystate.api.state.StateStore;
import io.skystate.api.state.StateValue;
import io.skystate.api.state.Transaction;
import io.skystate.api.state.Version;
import io.skystate.azure.AzureSkystate;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Abstraction overhead on state for Azure: adapter-azure's Tables {@link StateStore} against the same Azure Tables
 * calls made by hand ({@link RawTables}), both on the Azurite whose connection string is the {@code bench.azurite}
 * property (started by {@link AzureTablesBenchMain}). Single-threaded; each trial gets its own fresh table. Average
 * time per operation; the ratio skystate / sdk is the overhead of everything above the SDK.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class AzureTablesBench {
    static final int KEYS = 256;
    static final String GROUP = "g0";
    static final byte[] DOC = "{\"customer\":\"c-42\",\"items\":[{\"sku\":\"mug\",\"qty\":2},{\"sku\":\"tea\",\"qty\":1}],\"total\":23.5}"
            .getBytes(StandardCharsets.UTF_8);

    /** skystate: AzureSkystate's Tables StateStore; sdk: the same calls on a raw TableClient. */
    @Param({"skystate", "sdk"})
    public String impl;

    AzureSkystate skystate;
    StateStore store;
    RawTables raw;
    String[] ids = new String[KEYS];
    Key[] keys = new Key[KEYS];
    String[] txIds = new String[10];
    Transaction tx;
    int next;
    Version version;
    String rawVersion;

    @Setup(Level.Trial)
    public void open() {
        String connection = System.getProperty("bench.azurite");
        String prefix = "b" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        if (impl.equals("skystate")) {
            skystate = AzureSkystate.builder().storageConnectionString(connection).prefix(prefix).build();
            store = skystate.stateStore("state");
        } else {
            raw = new RawTables(connection, prefix + "state");
        }
        Transaction.Builder b = Transaction.builder();
        for (int i = 0; i < KEYS; i++) {
            ids[i] = "k" + i;
            keys[i] = Key.of(GROUP, ids[i]);
        }
        for (int i = 0; i < 10; i++) {
            txIds[i] = ids[i];
            b.put(keys[i], StateValue.json(DOC));
        }
        tx = b.build();
        for (int i = 0; i < KEYS; i++) {
            if (store != null) {
                version = store.put(keys[i], StateValue.json(DOC));
            } else {
                rawVersion = raw.put(GROUP, ids[i], DOC, null);
            }
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        if (skystate != null) {
            skystate.close();
        }
    }

    int nextIndex() {
        int i = next;
        next = (i + 1) % KEYS;
        return i;
    }

    @Benchmark
    public Object get() {
        int i = nextIndex();
        return store != null ? store.get(keys[i]).orElseThrow() : raw.get(GROUP, ids[i]);
    }

    @Benchmark
    public Object put() {
        int i = nextIndex();
        return store != null ? store.put(keys[i], StateValue.json(DOC)) : raw.put(GROUP, ids[i], DOC, null);
    }

    /** If-version put on the last key (read, compare, replace under the ETag on both sides). */
    @Benchmark
    public Object conditionalPut() {
        if (store != null) {
            version = store.put(keys[KEYS - 1], StateValue.json(DOC), PutOptions.ifVersion(version));
            return version;
        }
        rawVersion = raw.put(GROUP, ids[KEYS - 1], DOC, rawVersion);
        return rawVersion;
    }

    @Benchmark
    public Object transaction10() {
        if (store != null) {
            return store.transact(tx);
        }
        raw.putAll(GROUP, txIds, DOC);
        return txIds;
    }
}
