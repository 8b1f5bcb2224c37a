package io.skystate.bench.overhead;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A paired measurement that a loaded machine cannot tilt: the same operation of both sides of a state-overhead
 * benchmark, open in one JVM, measured in alternating blocks (Skystate, SDK, then SDK, Skystate, ...) a fraction of a
 * second apart, so a drift of the machine or of the emulator hits both sides alike. Per block three costs per
 * operation: the calling thread's CPU time ({@code ThreadMXBean}), the whole process's CPU time ({@link #processCpu()}:
 * also the SDK's event-loop, I/O, JIT and GC threads) and the wall time; per pair of blocks the ratio Skystate / SDK of each. {@link #measure} reports, per cost, the
 * median ratio with its quartiles, every pair's ratio and the median cost per operation of each side; the calling
 * thread's figures stay at the top level (the shape {@code bench_awscanned.py} reads), the process's and the wall
 * time's under {@code process} and {@code wall}. One thread calls it.
 */
public final class PairedBlocks {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final Path TASKS = Path.of("/proc/self/task");
    private static final int THREAD = 0;
    private static final int PROCESS = 1;
    private static final int WALL = 2;

    private PairedBlocks() {
    }

    /** {@code pairs} pairs of blocks of {@code block} runs each, in alternating order; the summary described above. */
    public static Map<String, Object> measure(Supplier<Object> skystate, Supplier<Object> sdk, int pairs, int block) {
        List<List<double[]>> sides = List.of(new ArrayList<>(), new ArrayList<>());
        for (int p = 0; p < pairs; p++) {
            if (p % 2 == 0) {
                sides.get(0).add(run(skystate, block));
                sides.get(1).add(run(sdk, block));
            } else {
                sides.get(1).add(run(sdk, block));
                sides.get(0).add(run(skystate, block));
            }
        }
        Map<String, Object> result = summary(sides, THREAD);
        result.put("blockOps", block);
        result.put("process", summary(sides, PROCESS));
        result.put("wall", summary(sides, WALL));
        return result;
    }

    /**
     * Runs each side for about {@code millis} (at least 50 runs each; warming the JIT and the connections) and returns
     * the number of runs that takes about {@code blockMillis} of wall time, judged by the slower side's last half.
     */
    public static int warm(Supplier<Object> skystate, Supplier<Object> sdk, long millis, long blockMillis) {
        double slower = Math.max(warmSide(skystate, millis), warmSide(sdk, millis));
        return (int) Math.max(5, Math.min(100_000, blockMillis * 1_000_000.0 / slower));
    }

    /** Runs {@code op} for {@code millis}; returns the wall nanoseconds per run over the second half. */
    private static double warmSide(Supplier<Object> op, long millis) {
        long start = System.nanoTime();
        long half = start + millis * 500_000L;
        long end = start + millis * 1_000_000L;
        long n = 0;
        long halfAt = 0;
        long halfN = 0;
        long now = start;
        while (n < 50 || now < end) {
            op.get();
            n++;
            now = System.nanoTime();
            if (halfAt == 0 && now >= half && n >= 25) {
                halfAt = now;
                halfN = n;
            }
        }
        return (now - halfAt) / (double) Math.max(1, n - halfN);
    }

    /** Runs {@code op} {@code n} times; returns {thread CPU, process CPU, wall} nanoseconds per run. */
    public static double[] run(Supplier<Object> op, int n) {
        long wall = System.nanoTime();
        long process = processCpu();
        long thread = THREADS.getCurrentThreadCpuTime();
        Object sink = null;
        for (int i = 0; i < n; i++) {
            sink = op.get();
        }
        double[] cost = {THREADS.getCurrentThreadCpuTime() - thread, processCpu() - process,
                System.nanoTime() - wall};
        if (sink == null) {
            throw new IllegalStateException("no result");
        }
        for (int i = 0; i < cost.length; i++) {
            cost[i] /= n;
        }
        return cost;
    }

    /**
     * The CPU nanoseconds of this process's live threads, summed from {@code /proc/self/task/<tid>/schedstat} (Linux;
     * nanosecond resolution). Not {@code getProcessCpuTime}: on Linux it counts clock ticks (10 ms), too coarse for
     * blocks of a few hundred milliseconds. A thread that ends within a block takes its time of that block with it
     * (the pools of the clients measured here keep their threads). Elsewhere falls back to {@code getProcessCpuTime}.
     */
    static long processCpu() {
        if (!Files.isDirectory(TASKS)) {
            return OS.getProcessCpuTime();
        }
        long sum = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                try {
                    String stat = Files.readString(task.resolve("schedstat"));
                    sum += Long.parseLong(stat.substring(0, stat.indexOf(' ')));
                } catch (IOException | RuntimeException e) {
                    // the thread ended between the listing and the read
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sum;
    }

    private static Map<String, Object> summary(List<List<double[]>> sides, int metric) {
        List<Double> ratios = new ArrayList<>();
        List<Double> sk = new ArrayList<>();
        List<Double> sd = new ArrayList<>();
        for (int p = 0; p < sides.get(0).size(); p++) {
            double a = sides.get(0).get(p)[metric];
            double b = sides.get(1).get(p)[metric];
            sk.add(a);
            sd.add(b);
            ratios.add(a / b);
        }
        String unit = metric == WALL ? "WallUsMedian" : "CpuUsMedian";
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ratioMedian", quantile(ratios, 0.5));
        result.put("ratioP25", quantile(ratios, 0.25));
        result.put("ratioP75", quantile(ratios, 0.75));
        result.put("skystate" + unit, quantile(sk, 0.5) / 1000);
        result.put("sdk" + unit, quantile(sd, 0.5) / 1000);
        result.put("ratios", ratios);
        return result;
    }

    /** The {@code q}-quantile of {@code values}, linear between order statistics. */
    private static double quantile(List<Double> values, double q) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        double k = (sorted.size() - 1) * q;
        int lo = (int) Math.floor(k);
        int hi = (int) Math.ceil(k);
        return sorted.get(lo) + (sorted.get(hi) - sorted.get(lo)) * (k - lo);
    }
}
