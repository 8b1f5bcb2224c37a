package io.skystate.bench.state;

import io.skystate.api.state.Key;
import io.skystate.api.state.PutOptions;
import io.skystate.api.state.StateStore;
import io.skystate.api.state.StateValue;
import io.skystate.api.state.Transaction;
import io.skystate.api.state.Version;
import io.skystate.local.LocalSkystate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
import org.openjdk.jmh.infra.ThreadParams;

/**
 * Skystate's local {@link StateStore} against the physical floor ({@link RawSqlite}): the same operations on the same
 * SQLite schema and pragmas. Each thread works in its own group, so conditional puts never conflict across threads.
 * Average time per operation; the ratio skystate / jdbc is the overhead of everything above SQLite.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StateBench {
    static final int KEYS = 256;
    static final byte[] DOC = "{\"customer\":\"c-42\",\"items\":[{\"sku\":\"mug\",\"qty\":2},{\"sku\":\"tea\",\"qty\":1}],\"total\":23.5}"
            .getBytes(StandardCharsets.UTF_8);

    /** The system under test, shared by all threads of a trial. */
    @State(Scope.Benchmark)
    public static class Target {
        /** skystate: LocalSkystate's StateStore; jdbc: the floor; jdbcPrepareEach: the floor preparing per call. */
        @Param({"skystate", "jdbc"})
        public String impl;
        /** memory: jdbc:sqlite::memory:; file: a WAL database file with synchronous=NORMAL (the durable mode). */
        @Param({"memory", "file"})
        public String mode;

        LocalSkystate skystate;
        StateStore store;
        RawSqlite raw;
        Path dir;

        @Setup(Level.Trial)
        public void open() throws Exception {
            Path file = null;
            if (mode.equals("file")) {
                dir = Files.createTempDirectory(Path.of(System.getProperty("bench.tmp", System.getProperty("java.io.tmpdir"))),
                        "state-bench");
                file = dir.resolve("state.db");
            }
            if (impl.equals("skystate")) {
                var builder = LocalSkystate.builder().withoutHttp();
                skystate = (file == null ? builder : builder.file(file)).build();
                store = skystate.stateStore("bench");
            } else {
                raw = new RawSqlite(file, "bench", impl.equals("jdbcPrepareEach"));
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
            if (dir != null) {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    /** One thread's keys (its own group), preloaded, and the version of the record it updates conditionally. */
    @State(Scope.Thread)
    public static class Keys {
        String group;
        String[] ids = new String[KEYS];
        Key[] keys = new Key[KEYS];
        String[] txIds = new String[10];
        Transaction tx;
        int next;
        Key cKey;
        Version cVersion;
        String cRawVersion;

        @Setup(Level.Trial)
        public void load(Target t, ThreadParams thread) throws Exception {
            group = "g" + thread.getThreadIndex();
            for (int i = 0; i < KEYS; i++) {
                ids[i] = "k" + i;
                keys[i] = Key.of(group, ids[i]);
            }
            Transaction.Builder b = Transaction.builder();
            for (int i = 0; i < 10; i++) {
                txIds[i] = ids[i];
                b.put(keys[i], StateValue.json(DOC));
            }
            tx = b.build();
            for (int i = 0; i < KEYS; i++) {
                if (t.store != null) {
                    t.store.put(keys[i], StateValue.json(DOC));
                } else {
                    t.raw.put(group, ids[i], DOC, null);
                }
            }
            cKey = keys[KEYS - 1];
            if (t.store != null) {
                cVersion = t.store.put(cKey, StateValue.json(DOC));
            } else {
                cRawVersion = t.raw.put(group, ids[KEYS - 1], DOC, null);
            }
        }

        int nextIndex() {
            int i = next;
            next = (i + 1) % KEYS;
            return i;
        }
    }

    @Benchmark
    public Object get(Target t, Keys k) throws Exception {
        int i = k.nextIndex();
        return t.store != null ? t.store.get(k.keys[i]).orElseThrow() : t.raw.get(k.group, k.ids[i]);
    }

    @Benchmark
    public Object put(Target t, Keys k) throws Exception {
        int i = k.nextIndex();
        return t.store != null ? t.store.put(k.keys[i], StateValue.json(DOC)) : t.raw.put(k.group, k.ids[i], DOC, null);
    }

    @Benchmark
    public Object conditionalPut(Target t, Keys k) throws Exception {
        if (t.store != null) {
            k.cVersion = t.store.put(k.cKey, StateValue.json(DOC), PutOptions.ifVersion(k.cVersion));
            return k.cVersion;
        }
        k.cRawVersion = t.raw.put(k.group, k.ids[KEYS - 1], DOC, k.cRawVersion);
        return k.cRawVersion;
    }

    @Benchmark
    public Object transaction10(Target t, Keys k) throws Exception {
        if (t.store != null) {
            return t.store.transact(k.tx);
        }
        t.raw.putAll(k.group, k.txIds, DOC);
        return k;
    }
}
