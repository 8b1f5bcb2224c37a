package io.skystate.bench.aws;

import io.skystate.api.state.Key;
import io.skystate.api.state.PutOptions;
import io.skystate.api.state.StateStore;
import io.skystate.api.state.StateValue;
import io.skystate.api.state.Transaction;
import io.skystate.api.state.Version;
import io.skystate.aws.AwsSkystate;
import io.skystate.emulators.Moto;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Abstraction overhead on state for AWS: adapter-aws's {@link StateStore} (an {@link AwsSkystate}'s
 * {@code DynamoDbStateStore}) against the same DynamoDB calls made by hand on the SDK ({@link RawDynamo}), both on
 * the moto server whose endpoint is the {@code bench.moto} property (started by {@link AwsStateBenchMain}).
 * Single-threaded; moto is reset before and after each trial, so every trial starts from an empty account.
 * Average time per operation; the ratio skystate / sdk is the overhead of everything above the SDK.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class AwsStateBench {
    static final int KEYS = 256;
    static final String GROUP = "g0";
    static final String DOC = "{\"customer\":\"c-42\",\"items\":[{\"sku\":\"mug\",\"qty\":2},{\"sku\":\"tea\",\"qty\":1}],\"total\":23.5}";
    static final byte[] DOC_BYTES = DOC.getBytes(StandardCharsets.UTF_8);

    /** skystate: AwsSkystate's StateStore; sdk: the same calls on the raw DynamoDbClient. */
    @Param({"skystate", "sdk"})
    public String impl;

    URI endpoint;
    AwsSkystate skystate;
    StateStore store;
    RawDynamo raw;
    String[] ids = new String[KEYS];
    Key[] keys = new Key[KEYS];
    String[] txIds = new String[10];
    Transaction tx;
    int next;
    Key cKey;
    Version cVersion;
    String cRawVersion;

    @Setup(Level.Trial)
    public void open() throws Exception {
        endpoint = URI.create(System.getProperty("bench.moto"));
        Moto.reset(endpoint);
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench"));
        if (impl.equals("skystate")) {
            skystate = AwsSkystate.builder().endpoint(endpoint).region("us-east-1").credentials(credentials)
                    .prefix("bench-").build();
            store = skystate.stateStore("state");
        } else {
            raw = new RawDynamo(endpoint, Region.US_EAST_1, credentials, "bench-state");
            raw.createTable();
        }
        Transaction.Builder b = Transaction.builder();
        for (int i = 0; i < KEYS; i++) {
            ids[i] = "k" + i;
            keys[i] = Key.of(GROUP, ids[i]);
        }
        for (int i = 0; i < 10; i++) {
            txIds[i] = ids[i];
            b.put(keys[i], StateValue.json(DOC_BYTES));
        }
        tx = b.build();
        for (int i = 0; i < KEYS; i++) {
            if (store != null) {
                store.put(keys[i], StateValue.json(DOC_BYTES));
            } else {
                raw.put(GROUP, ids[i], DOC, null);
            }
        }
        cKey = keys[KEYS - 1];
        if (store != null) {
            cVersion = store.put(cKey, StateValue.json(DOC_BYTES));
        } else {
            cRawVersion = raw.put(GROUP, ids[KEYS - 1], DOC, null);
        }
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        if (skystate != null) {
            skystate.close();
        }
        if (raw != null) {
            raw.close();
        }
        Moto.reset(endpoint);
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
        return store != null ? store.put(keys[i], StateValue.json(DOC_BYTES)) : raw.put(GROUP, ids[i], DOC, null);
    }

    @Benchmark
    public Object conditionalPut() {
        if (store != null) {
            cVersion = store.put(cKey, StateValue.json(DOC_BYTES), PutOptions.ifVersion(cVersion));
            return cVersion;
        }
        cRawVersion = raw.put(GROUP, ids[KEYS - 1], DOC, cRawVersion);
        return cRawVersion;
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
