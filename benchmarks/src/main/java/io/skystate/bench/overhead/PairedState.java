package io.skystate.bench.overhead;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The paired CPU measurement ({@link PairedBlocks}) of the four operations of a {@link StateOverheadBench} subclass
 * against one emulator: both sides opened in this JVM as a trial opens them (each on a table or collections of its
 * own, 256 records preloaded), then per operation: both sides warmed for {@code bench.warmMillis} each (default 6000),
 * a block length that takes about {@code bench.blockMillis} (default 400) of the slower side's wall time, and
 * {@code bench.pairs} (default 40) pairs of blocks. The put runs last: it cycles over every record, so it would move
 * the record the conditional put chains on. Writes {@code <out>/<name>-paired.json}: per operation the summary of
 * {@link PairedBlocks#measure} plus the load average (1/5/15 min) before and after; the settings; start and end.
 */
public final class PairedState {
    private static final List<String> ORDER = List.of("get", "conditionalPut", "transaction10", "put");

    private PairedState() {
    }

    /** The four operations of {@code bench}'s side, by name, in declaration order. */
    public static Map<String, Supplier<Object>> ops(StateOverheadBench bench) {
        Map<String, Supplier<Object>> ops = new LinkedHashMap<>();
        ops.put("get", bench::get);
        ops.put("put", bench::put);
        ops.put("conditionalPut", bench::conditionalPut);
        ops.put("transaction10", bench::transaction10);
        return ops;
    }

    /** A trial's side: {@code factory}'s benchmark with {@code impl} ({@code skystate} or {@code sdk}), set up. */
    public static <B extends StateOverheadBench> B open(Supplier<B> factory, String impl) throws Exception {
        B bench = factory.get();
        bench.impl = impl;
        bench.setUp();
        return bench;
    }

    /** Measures the four operations of both sides of {@code factory}'s benchmark; writes the report (see above). */
    public static void run(String out, String name, Supplier<? extends StateOverheadBench> factory) throws Exception {
        int pairs = Integer.getInteger("bench.pairs", 40);
        long warmMillis = Long.getLong("bench.warmMillis", 6000);
        long blockMillis = Long.getLong("bench.blockMillis", 400);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("start", Instant.now().toString());
        StateOverheadBench skystate = open(factory, "skystate");
        StateOverheadBench sdk = open(factory, "sdk");
        try {
            Map<String, Supplier<Object>> sk = ops(skystate);
            Map<String, Supplier<Object>> sd = ops(sdk);
            Map<String, Object> results = new LinkedHashMap<>();
            for (String op : ORDER) {
                String loadBefore = load();
                int block = PairedBlocks.warm(sk.get(op), sd.get(op), warmMillis, blockMillis);
                Map<String, Object> result = PairedBlocks.measure(sk.get(op), sd.get(op), pairs, block);
                result.put("loadBefore", loadBefore);
                result.put("loadAfter", load());
                results.put(op, result);
                System.out.printf("%s %s: block %d, thread CPU ratio %.3f, process CPU ratio %.3f, wall ratio %.3f, "
                        + "load %s%n", name, op, block, result.get("ratioMedian"),
                        ((Map<?, ?>) result.get("process")).get("ratioMedian"),
                        ((Map<?, ?>) result.get("wall")).get("ratioMedian"), result.get("loadAfter"));
            }
            report.put("ops", results);
        } finally {
            skystate.tearDown();
            sdk.tearDown();
        }
        report.put("end", Instant.now().toString());
        report.put("pairs", pairs);
        report.put("warmMillis", warmMillis);
        report.put("blockMillis", blockMillis);
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(new File(out, name + "-paired.json"), report);
    }

    /** The first three fields of {@code /proc/loadavg}, or "?" where there is none. */
    private static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }
}
