package io.skystate.bench.overhead;

import io.skystate.api.state.Key;
import io.skystate.api.state.StateValue;
import io.skystate.api.state.Transaction;
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

/**
 * The shape every state-overhead benchmark shares (AWS, Azure, GCP): a provider's Skystate {@code StateStore}
 * ({@code impl=skystate}) against the same calls written by hand on its SDK ({@code impl=sdk}), both on one emulator.
 * Each trial opens its side ({@link #open}), preloads {@value #RECORDS} records of one group with the same JSON
 * document, then measures: get and put cycling over the records, a version-conditional put of the last record
 * chaining on the version it last wrote, and a transaction putting records 0–9. Single-threaded, average time per
 * operation; the ratio skystate / sdk is the overhead of everything above the SDK. A subclass per provider only
 * opens the two sides; JMH names the benchmarks after the subclass ({@code io.skystate.bench.gcp.FirestoreBench.get}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public abstract class StateOverheadBench {
    /** Records preloaded per trial. */
    public static final int RECORDS = 256;
    public static final String GROUP = "g0";
    public static final String DOC_TEXT =
            "{\"customer\":\"c-42\",\"items\":[{\"sku\":\"mug\",\"qty\":2},{\"sku\":\"tea\",\"qty\":1}],\"total\":23.5}";
    public static final byte[] DOC = DOC_TEXT.getBytes(StandardCharsets.UTF_8);
    /** Record ids {@code k0}...; each is its own encoding on every provider (no character any store escapes). */
    public static final String[] IDS = new String[RECORDS];
    public static final Key[] KEYS = new Key[RECORDS];
    /** The ids the transaction writes: the first 10. */
    public static final String[] TX_IDS = new String[10];
    /** Puts of the first 10 records. */
    public static final Transaction TX;

    static {
        Transaction.Builder b = Transaction.builder();
        for (int i = 0; i < RECORDS; i++) {
            IDS[i] = "k" + i;
            KEYS[i] = Key.of(GROUP, IDS[i]);
        }
        for (int i = 0; i < 10; i++) {
            TX_IDS[i] = IDS[i];
            b.put(KEYS[i], StateValue.json(DOC));
        }
        TX = b.build();
    }

    /** skystate: the provider's StateStore; sdk: the same calls by hand on its SDK. */
    @Param({"skystate", "sdk"})
    public String impl;

    private StateSide side;
    private int next;
    private Object version;

    /** Opens the side {@code impl} names ({@code skystate} or {@code sdk}) on a fresh table or collection. */
    protected abstract StateSide open(String impl) throws Exception;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        side = open(impl);
        for (int i = 0; i < RECORDS; i++) {
            version = side.put(i);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        side.close();
    }

    private int nextIndex() {
        int i = next;
        next = (i + 1) % RECORDS;
        return i;
    }

    @Benchmark
    public Object get() {
        return side.get(nextIndex());
    }

    @Benchmark
    public Object put() {
        return side.put(nextIndex());
    }

    /** If-version put of the last record, chained on the version it last wrote (the preload's last put first). */
    @Benchmark
    public Object conditionalPut() {
        version = side.conditionalPut(RECORDS - 1, version);
        return version;
    }

    @Benchmark
    public Object transaction10() {
        return side.transaction10();
    }
}
