package io.skystate.bench.scaling;

import io.skystate.api.callback.CallbackRequest;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.function.Function;

/**
 * The steady cost of an idle process holding N pending callbacks: N callbacks created through the adapter's own
 * {@code callbacks()}, none due, and the CPU time its background sweeper thread uses per second of wall time.
 */
final class IdleSweepCost {
    private static final long WINDOW_MILLIS = Long.getLong("bench.scaling.idleMillis", 3000);

    private IdleSweepCost() {
    }

    static void run(String backend, String sweeperThread, Function<String, CallbackSweepBench.Target> open, int[] ns,
            int repeats, Jsonl out) throws InterruptedException {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int repeat = 0; repeat < repeats; repeat++) {
            for (int n : ns) {
                try (CallbackSweepBench.Target target = open.apply("idle-" + n + "-" + repeat)) {
                    target.skystate().callbacks(); // starts a lazily started sweeper
                    for (int i = 0; i < n; i++) {
                        target.skystate().callbacks().create(CallbackRequest.withTimeout(Duration.ofHours(1)));
                    }
                    Thread.sleep(1000);
                    long id = threadId(sweeperThread);
                    long cpu0 = mx.getThreadCpuTime(id);
                    long wall0 = System.nanoTime();
                    Thread.sleep(WINDOW_MILLIS);
                    double cpuMs = (mx.getThreadCpuTime(id) - cpu0) / 1e6;
                    double wallS = (System.nanoTime() - wall0) / 1e9;
                    out.write("part", "callbacks", "case", "idle", "backend", backend, "n", n, "repeat", repeat,
                            "sweeperCpuMsPerS", cpuMs / wallS, "windowS", wallS);
                }
            }
        }
    }

    private static long threadId(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(name))
                .findFirst().orElseThrow(() -> new IllegalStateException("no thread " + name)).getId();
    }
}
