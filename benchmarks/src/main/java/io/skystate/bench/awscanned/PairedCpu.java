package io.skystate.bench.awscanned;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A paired measurement that a loaded machine cannot tilt: both sides of {@link AwsCannedBench} open in one JVM (so
 * they run the same JIT-compiled SDK code) against one {@link LoopbackDynamo}, warmed together, then measured in
 * alternating blocks (Skystate, SDK, then SDK, Skystate, ...) of the same operation, seconds apart at most; each
 * operation is warmed just before it is measured. Per block
 * the calling thread's CPU time per operation; per pair of blocks the ratio Skystate / SDK; reported: the median
 * ratio with its quartiles (and every pair's ratio), and the median CPU µs/op of each side. Args: output directory; properties
 * {@code bench.https} (HTTP clients, default {@code urlconnection,apache5}), {@code bench.pairs} (40),
 * {@code bench.warmOps} (3000 per operation and side). Writes {@code awscanned-paired.json}.
 */
public final class PairedCpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private PairedCpu() {
    }

    public static void main(String[] args) throws Exception {
        String out = args.length > 0 ? args[0] : "target";
        int pairs = Integer.getInteger("bench.pairs", 40);
        int warm = Integer.getInteger("bench.warmOps", 3000);
        Map<String, Object> report = new LinkedHashMap<>();
        try (LoopbackDynamo endpoint = LoopbackDynamo.start()) {
            System.setProperty("bench.canned", endpoint.endpoint().toString());
            System.setProperty("bench.reset", "false");
            for (String http : System.getProperty("bench.https", "urlconnection,apache5").split(",")) {
                System.setProperty("bench.http", http);
                AwsCannedBench skystate = open("skystate");
                AwsCannedBench sdk = open("sdk");
                Map<String, Supplier<Object>> sk = CannedRequestCounts.ops(skystate);
                Map<String, Supplier<Object>> sd = CannedRequestCounts.ops(sdk);
                Map<String, Object> ops = new LinkedHashMap<>();
                // put last: it cycles over every record, so it would move the record the conditional put chains on
                for (String op : List.of("get", "conditionalPut", "transaction10", "listPage", "getAll100", "put")) {
                    run(sk.get(op), warm);
                    run(sd.get(op), warm);
                    int block = op.equals("listPage") || op.equals("getAll100") ? 30 : 150;
                    ops.put(op, measure(sk.get(op), sd.get(op), pairs, block));
                    System.out.println(http + " " + op + ": " + ops.get(op));
                }
                skystate.tearDown();
                sdk.tearDown();
                report.put(http, ops);
            }
        }
        report.put("pairs", pairs);
        report.put("warmOps", warm);
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(new File(out, "awscanned-paired.json"), report);
    }

    private static AwsCannedBench open(String impl) throws Exception {
        AwsCannedBench bench = new AwsCannedBench();
        bench.impl = impl;
        bench.setUp();
        return bench;
    }

    private static Map<String, Object> measure(Supplier<Object> skystate, Supplier<Object> sdk, int pairs, int block) {
        List<Double> ratios = new ArrayList<>();
        List<Double> sk = new ArrayList<>();
        List<Double> sd = new ArrayList<>();
        for (int p = 0; p < pairs; p++) {
            double a;
            double b;
            if (p % 2 == 0) {
                a = run(skystate, block);
                b = run(sdk, block);
            } else {
                b = run(sdk, block);
                a = run(skystate, block);
            }
            sk.add(a);
            sd.add(b);
            ratios.add(a / b);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ratioMedian", quantile(ratios, 0.5));
        result.put("ratioP25", quantile(ratios, 0.25));
        result.put("ratioP75", quantile(ratios, 0.75));
        result.put("skystateCpuUsMedian", quantile(sk, 0.5) / 1000);
        result.put("sdkCpuUsMedian", quantile(sd, 0.5) / 1000);
        result.put("blockOps", block);
        result.put("ratios", ratios);
        return result;
    }

    /** Runs {@code op} {@code n} times; returns the thread's CPU nanoseconds per run. */
    private static double run(Supplier<Object> op, int n) {
        long start = THREADS.getCurrentThreadCpuTime();
        Object sink = null;
        for (int i = 0; i < n; i++) {
            sink = op.get();
        }
        if (sink == null) {
            throw new IllegalStateException("no result");
        }
        return (THREADS.getCurrentThreadCpuTime() - start) / (double) n;
    }

    private static double quantile(List<Double> values, double q) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        double k = (sorted.size() - 1) * q;
        int lo = (int) Math.floor(k);
        int hi = (int) Math.ceil(k);
        return sorted.get(lo) + (sorted.get(hi) - sorted.get(lo)) * (k - lo);
    }
}
