package io.skystate.bench.scaling;

import io.skystate.api.state.Key;
import io.skystate.api.state.ListRequest;
import io.skystate.api.state.Page;
import io.skystate.api.state.StateStore;
import io.skystate.api.state.StateValue;
import io.skystate.api.state.Transaction;
import io.skystate.local.LocalSkystate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * State curves: get and put throughput against the number of threads (each thread in its own group, as in the JMH
 * state benchmark), local memory and file or any other store; and listing a whole group of N records page by page.
 */
final class StateScalingBench {
    private static final StateValue VALUE = StateValue.json("{\"order\":\"o-1\",\"qty\":2,\"note\":\"benchmark\"}");
    private static final int KEYS = 100;
    private static final long WARM_MILLIS = 300;
    private static final long MEASURE_MILLIS = Long.getLong("bench.scaling.stateMillis", 1000);

    private StateScalingBench() {
    }

    static void threads(Path tmp, int[] threadCounts, int repeats, Jsonl out) throws InterruptedException {
        for (int repeat = 0; repeat < repeats; repeat++) {
            for (String mode : List.of("memory", "file")) {
                try (LocalSkystate sky = open(mode, tmp.resolve("state-" + repeat + ".db"))) {
                    threadsOn(sky.stateStore("bench"), "local", mode, threadCounts, repeat, out);
                }
            }
        }
    }

    /** Get and put throughput on {@code store} at each thread count, each thread in its own group of 100 keys. */
    static void threadsOn(StateStore store, String backend, String mode, int[] threadCounts, int repeat, Jsonl out)
            throws InterruptedException {
        int groups = Arrays.stream(threadCounts).max().orElse(1);
        for (int g = 0; g < groups; g++) {
            Transaction.Builder tx = Transaction.builder();
            for (int k = 0; k < KEYS; k++) {
                tx.put(new Key("g" + g, "k" + k), VALUE);
            }
            store.transact(tx.build());
        }
        for (String op : List.of("get", "put")) {
            for (int threads : threadCounts) {
                double opsPerS = throughput(store, op, threads);
                out.write("part", "state", "backend", backend, "mode", mode, "op", op, "threads", threads,
                        "repeat", repeat, "opsPerS", opsPerS);
            }
        }
    }

    private static double throughput(StateStore store, String op, int threads) throws InterruptedException {
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean stop = new AtomicBoolean(false);
        LongAdder ops = new LongAdder();
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            String group = "g" + t;
            Thread worker = new Thread(() -> {
                int i = 0;
                while (!stop.get()) {
                    Key key = new Key(group, "k" + (i++ % KEYS));
                    if (op.equals("get")) {
                        store.get(key);
                    } else {
                        store.put(key, VALUE);
                    }
                    if (measuring.get()) {
                        ops.increment();
                    }
                }
                done.countDown();
            });
            worker.setDaemon(true);
            worker.start();
        }
        Thread.sleep(WARM_MILLIS);
        measuring.set(true);
        long t0 = System.nanoTime();
        Thread.sleep(MEASURE_MILLIS);
        measuring.set(false);
        double seconds = (System.nanoTime() - t0) / 1e9;
        stop.set(true);
        done.await();
        return ops.sum() / seconds;
    }

    static void list(Path tmp, int[] sizes, int repeats, int pageSize, Jsonl out) {
        for (String mode : List.of("memory", "file")) {
            try (LocalSkystate sky = open(mode, tmp.resolve("list.db"))) {
                listOn(sky.stateStore("bench"), "local", mode, sizes, repeats, pageSize, out);
            }
        }
    }

    /** Fills a group of each size on {@code store} and lists it whole, page by page; repeat -1 warms up. */
    static void listOn(StateStore store, String backend, String mode, int[] sizes, int repeats, int pageSize,
            Jsonl out) {
        for (int n : sizes) {
            String group = "list-" + n;
            fill(store, group, n, backend.equals("local"));
            for (int repeat = -1; repeat < repeats; repeat++) {
                long t0 = System.nanoTime();
                int[] pagesAndRecords = listAll(store, group, pageSize);
                double ms = (System.nanoTime() - t0) / 1e6;
                if (pagesAndRecords[1] != n) {
                    throw new IllegalStateException("listed " + pagesAndRecords[1] + " of " + n);
                }
                out.write("part", "list", "backend", backend, "mode", mode, "n", n, "pageSize", pageSize,
                        "repeat", repeat, "pages", pagesAndRecords[0], "totalMs", ms, "usPerRecord", ms * 1000 / n);
            }
        }
    }

    static int[] listAll(StateStore store, String group, int pageSize) {
        Optional<ListRequest> request = Optional.of(ListRequest.firstPage(group, pageSize));
        int pages = 0;
        int records = 0;
        while (request.isPresent()) {
            Page page = store.list(request.get());
            pages++;
            records += page.entries().size();
            request = request.get().next(page);
        }
        return new int[] {pages, records};
    }

    /**
     * Puts n records into the group, in transactions of 100 or one by one (moto copies its tables for every
     * transaction: filling 10^4 records with transactions grew it to 24 GB until the OOM killer stopped it).
     */
    static void fill(StateStore store, String group, int n, boolean transactions) {
        if (!transactions) {
            for (int i = 0; i < n; i++) {
                store.put(new Key(group, String.format("r%07d", i)), VALUE);
            }
            return;
        }
        List<Key> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            batch.add(new Key(group, String.format("r%07d", i)));
            if (batch.size() == Transaction.MAX_OPERATIONS || i == n - 1) {
                Transaction.Builder tx = Transaction.builder();
                batch.forEach(k -> tx.put(k, VALUE));
                store.transact(tx.build());
                batch.clear();
            }
        }
    }

    private static LocalSkystate open(String mode, Path file) {
        var builder = LocalSkystate.builder().withoutHttp();
        return (mode.equals("file") ? builder.file(file) : builder).build();
    }
}
