package io.skystate.bench.workflow;

import io.skystate.local.LocalSkystate;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Cost per step of the local durable engine: {@code seq3} (3 task steps) against {@code fan10} (a parallel step of
 * ten one-task branches: 10 task steps + the parallel step itself = 11 steps), on one file database, in alternating
 * order, at N = 1 (one instance at a time; its own start-to-end time) and N = 100 concurrent instances (first start
 * call to last end). Per-step cost = that wall time / (instances x steps); also the process's CPU time per step
 * (all threads; unlike wall time it does not shrink when branches run in parallel). A second, untimed pass on another
 * instance counts SQL statements and transactions per run ({@link SqlCounter}).
 *
 * <p>Args: output file (JSON lines). Properties: {@code bench.step.n} (default 1,100), {@code bench.step.rounds}
 * (default 4), {@code bench.step.repeats1} (instances one after another per N=1 measurement, default 20),
 * {@code bench.step.warmups} (unrecorded batches of 100 of each workflow first, default 4), {@code bench.step.label}.
 */
public final class WorkflowStepBench {
    static final Map<String, Integer> STEPS = Map.of("seq3", 3, "fan10", 11);

    private WorkflowStepBench() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Path tmp = Files.createTempDirectory(Path.of(System.getProperty("bench.tmp", "target")), "wf-step");
        int[] ns = Arrays.stream(System.getProperty("bench.step.n", "1,100").split(",")).mapToInt(Integer::parseInt).toArray();
        int rounds = Integer.getInteger("bench.step.rounds", 4);
        int repeats1 = Integer.getInteger("bench.step.repeats1", 20);
        String label = System.getProperty("bench.step.label", "current");
        int warmups = Integer.getInteger("bench.step.warmups", 4);
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            w.printf("{\"label\":\"%s\",\"loadavg\":\"%s\"}%n", label, loadavg());
            try (WorkflowBench.Engine engine = WorkflowBench.skystate("file", tmp)) {
                for (int i = 0; i < warmups; i++) { // JIT: short batches on a cold JVM measure the compiler
                    for (String workflow : List.of("seq3", "fan10")) {
                        WorkflowBench.batch(engine, workflow, 100, "warm-" + workflow + "-" + i);
                    }
                }
                for (int round = 0; round < rounds; round++) {
                    List<String> order = round % 2 == 0 ? List.of("seq3", "fan10") : List.of("fan10", "seq3");
                    for (int n : ns) {
                        for (String workflow : order) {
                            w.println(measure(engine, workflow, n, round, n == 1 ? repeats1 : 1, label));
                            w.flush();
                        }
                    }
                }
            }
            w.printf("{\"label\":\"%s\",\"loadavg\":\"%s\"}%n", label, loadavg());
            for (String line : count(tmp, label)) {
                w.println(line);
            }
        }
        System.exit(0);
    }

    private static String measure(WorkflowBench.Engine engine, String workflow, int n, int round, int repeats,
            String label) throws Exception {
        List<Long> latencies = new ArrayList<>();
        long wallMs = 0;
        long cpu0 = processCpuNanos();
        for (int r = 0; r < repeats; r++) {
            long t0 = System.currentTimeMillis();
            WorkflowBench.Batch b = WorkflowBench.batch(engine, workflow, n, workflow + "-" + n + "-" + round + "-" + r);
            if (b.latencies().size() < n) {
                throw new IllegalStateException(workflow + " N=" + n + ": only " + b.latencies().size() + " finished");
            }
            latencies.addAll(b.latencies());
            // N = 1: the instance's own start-to-end; N > 1: first start call to last end (as the throughput)
            wallMs += n == 1 ? b.latencies().get(0) : Math.round(n / b.throughput() * 1000);
        }
        double cpuMs = (processCpuNanos() - cpu0) / 1e6;
        int instances = n * repeats;
        double perStepUs = wallMs * 1000.0 / instances / STEPS.get(workflow);
        double cpuPerStepUs = cpuMs * 1000.0 / instances / STEPS.get(workflow);
        Collections.sort(latencies);
        String line = String.format(Locale.ROOT, "{\"label\":\"%s\",\"workflow\":\"%s\",\"n\":%d,\"round\":%d,"
                + "\"instances\":%d,\"steps\":%d,\"wallMs\":%d,\"perStepUs\":%.1f,\"cpuPerStepUs\":%.1f,\"throughput\":%.1f,"
                + "\"p50\":%d,\"p99\":%d}", label, workflow, n, round, instances, STEPS.get(workflow), wallMs, perStepUs,
                cpuPerStepUs,
                instances * 1000.0 / Math.max(1, wallMs), pct(latencies, 50), pct(latencies, 99));
        System.out.println(line);
        return line;
    }

    /** Untimed: SQL statements and transactions per run, on a fresh instance with the counting proxy. */
    private static List<String> count(Path tmp, String label) throws Exception {
        List<String> lines = new ArrayList<>();
        LocalSkystate s = WorkflowBench.open("file", tmp);
        SqlCounter counter = SqlCounter.install(s);
        try (WorkflowBench.Engine engine = WorkflowBench.skystate(s)) {
            for (String workflow : List.of("seq3", "fan10")) {
                WorkflowBench.batch(engine, workflow, 10, "cwarm-" + workflow);
                for (int n : new int[] {1, 100}) {
                    int repeats = n == 1 ? 10 : 1;
                    counter.reset();
                    for (int r = 0; r < repeats; r++) {
                        WorkflowBench.batch(engine, workflow, n, "count-" + workflow + "-" + n + "-" + r);
                    }
                    Map<String, Long> counts = counter.snapshot();
                    double runs = n * repeats;
                    String bySql = counts.entrySet().stream()
                            .map(e -> String.format(Locale.ROOT, "\"%s\":%.2f", e.getKey().replace("\"", "'"), e.getValue() / runs))
                            .collect(Collectors.joining(","));
                    String line = String.format(Locale.ROOT, "{\"label\":\"%s\",\"count\":\"%s\",\"n\":%d,"
                            + "\"transactionsPerRun\":%.2f,\"statementsPerRun\":%.2f,\"bySqlPerRun\":{%s}}", label,
                            workflow, n, SqlCounter.transactions(counts) / runs, SqlCounter.statements(counts) / runs, bySql);
                    System.out.println(line);
                    lines.add(line);
                }
            }
        }
        return lines;
    }

    /** CPU time of the whole process (all threads: clients, dispatcher, workers, handlers, SQLite). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static String loadavg() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "n/a";
        }
    }
}
