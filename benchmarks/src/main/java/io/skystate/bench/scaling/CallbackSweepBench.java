package io.skystate.bench.scaling;

import io.skystate.api.KeyRing;
import io.skystate.api.Skystate;
import io.skystate.api.callback.CallbackRequest;
import io.skystate.core.callback.StoreBackedCallbacks;
import io.skystate.core.json.JacksonCodec;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Callback sweeping against the number of pending callbacks. For each N it creates N callbacks through a
 * {@link StoreBackedCallbacks} over a {@link CountingStore} (the same class every adapter uses, on the adapter's own
 * store) and measures: one sweep while none is due (time, store calls); the sweeps it takes to settle all N once they
 * are due at once (the clock jumps past their deadline); and the same burst with two sweepers on the same entries,
 * as two processes of one application would run them. The idle cost of a whole process holding N callbacks (its
 * background sweeper's CPU) is measured by {@link IdleSweepCost}.
 */
final class CallbackSweepBench {
    private static final Duration TIMEOUT = Duration.ofHours(1);
    private static final int NOT_DUE_SWEEPS = 20;
    private static final int MAX_SWEEPS = 500;
    private static final KeyRing RING = KeyRing.of("bench", randomKey());

    /** What one backend offers: a fresh Skystate on a clock the benchmark moves, and its sweep interval. */
    interface Target extends AutoCloseable {
        Skystate skystate();

        MutableClock clock();

        long sweepIntervalMillis();

        @Override
        void close();
    }

    private final String backend;
    private final Function<String, Target> open;
    private final Jsonl out;
    private final int burstMaxN;

    /** Pending counts above {@code burstMaxN} get only the not-due measurement (bursts take minutes on an emulator). */
    CallbackSweepBench(String backend, Function<String, Target> open, Jsonl out, int burstMaxN) {
        this.backend = backend;
        this.open = open;
        this.out = out;
        this.burstMaxN = burstMaxN;
    }

    void run(int[] ns, int repeats, boolean twoSweepers) {
        try (Target warm = open.apply("cb-warm")) {
            measure(warm, Math.min(1000, burstMaxN), -1, twoSweepers); // JIT and connections; repeat -1 is not reported
        }
        for (int repeat = 0; repeat < repeats; repeat++) {
            for (int n : ns) {
                try (Target target = open.apply("cb-" + n + "-" + repeat)) {
                    measure(target, n, repeat, twoSweepers);
                }
            }
        }
    }

    private void measure(Target target, int n, int repeat, boolean twoSweepers) {
        CountingStore store = new CountingStore(target.skystate().stateStore("bench-callbacks"));
        StoreBackedCallbacks one = callbacks(target, store);
        long t0 = System.nanoTime();
        create(one, n);
        double createMs = (System.nanoTime() - t0) / 1e6;
        CountingStore store2 = new CountingStore(target.skystate().stateStore("bench-callbacks-2"));
        StoreBackedCallbacks a = callbacks(target, store2);
        StoreBackedCallbacks b = callbacks(target, store2);
        boolean bursts = n <= burstMaxN;
        if (twoSweepers && bursts) {
            create(a, n);
        }
        for (int i = 0; i < 3; i++) {
            one.sweep();
        }
        long[] before = store.snapshot();
        double[] times = new double[NOT_DUE_SWEEPS];
        for (int i = 0; i < NOT_DUE_SWEEPS; i++) {
            long s = System.nanoTime();
            one.sweep();
            times[i] = (System.nanoTime() - s) / 1e6;
        }
        long[] d = CountingStore.minus(store.snapshot(), before);
        Arrays.sort(times);
        out.write("part", "callbacks", "case", "not-due", "backend", backend, "n", n, "repeat", repeat,
                "createMsPerCallback", createMs / n, "sweepMsMedian", times[NOT_DUE_SWEEPS / 2],
                "sweepMsMax", times[NOT_DUE_SWEEPS - 1],
                "callsPerSweep", (double) CountingStore.calls(d) / NOT_DUE_SWEEPS,
                "recordsListedPerSweep", (double) d[4] / NOT_DUE_SWEEPS);
        if (!bursts) {
            return;
        }
        target.clock().advance(TIMEOUT.toMillis() + 60_000);
        burst(target, n, repeat, store, List.of(one), "due-burst");
        if (twoSweepers) {
            burst(target, n, repeat, store2, List.of(a, b), "due-burst-2-sweepers");
        }
    }

    /** Sweeps (with every sweeper at once) until all N are settled; reports sweeps, time and store calls. */
    private void burst(Target target, int n, int repeat, CountingStore store, List<StoreBackedCallbacks> sweepers,
            String name) {
        long[] before = store.snapshot();
        List<Double> sweepMs = new ArrayList<>();
        int settled = 0;
        int rounds = 0;
        long start = System.nanoTime();
        while (rounds < MAX_SWEEPS) {
            long s = System.nanoTime();
            List<CompletableFuture<Integer>> runs = sweepers.stream()
                    .map(cb -> CompletableFuture.supplyAsync(cb::sweep)).toList();
            int handled = runs.stream().mapToInt(CompletableFuture::join).sum();
            sweepMs.add((System.nanoTime() - s) / 1e6);
            rounds++;
            settled += handled;
            if (handled == 0) {
                break;
            }
        }
        double busyMs = (System.nanoTime() - start) / 1e6;
        long[] d = CountingStore.minus(store.snapshot(), before);
        int working = rounds - 1; // the last round found nothing
        double catchUpMs = busyMs + Math.max(0, working - 1) * target.sweepIntervalMillis();
        out.write("part", "callbacks", "case", name, "backend", backend, "n", n, "repeat", repeat,
                "sweepers", sweepers.size(), "settled", settled, "sweepRounds", working,
                "sweepMsMax", sweepMs.stream().mapToDouble(Double::doubleValue).max().orElse(0),
                "busyMs", busyMs, "catchUpMs", catchUpMs, "calls", CountingStore.calls(d),
                "callsPerCallback", (double) CountingStore.calls(d) / n, "conflicts", d[5],
                "gets", d[0], "puts", d[1], "deletes", d[2], "lists", d[3]);
    }

    private static StoreBackedCallbacks callbacks(Target target, CountingStore store) {
        Skystate sky = target.skystate();
        return new StoreBackedCallbacks(sky, store, new JacksonCodec(sky.provider()),
                RING, target.clock(),
                token -> URI.create("bench:callback/" + token));
    }

    private static byte[] randomKey() {
        byte[] key = new byte[KeyRing.MIN_KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private static void create(StoreBackedCallbacks callbacks, int n) {
        for (int i = 0; i < n; i++) {
            callbacks.create(CallbackRequest.withTimeout(TIMEOUT));
        }
    }
}
