package io.skystate.bench.awscanned;

import io.skystate.api.state.Page;
import io.skystate.bench.aws.RawDynamo;
import io.skystate.bench.overhead.PairedState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Counts, on the {@link LoopbackDynamo} itself, the HTTP requests each side of {@link AwsCannedBench} sends per
 * operation: it opens a side as a trial does, runs each operation {@code n} times outside JMH and divides the
 * endpoint's count difference (per operation name) by {@code n}. A side that sends more requests for the same work
 * shows here. Also keeps the set-up's requests (construction and the preload of 256 records) and the sizes of the
 * first three results of each operation (the records read), which show that both sides read back what they wrote.
 */
final class CannedRequestCounts {
    private CannedRequestCounts() {
    }

    /** side → {"setup": {op: count}, "perOp": {op: {request: count per op}}, "sizes": {op: [sizes]}}. */
    static Map<String, Object> measure(LoopbackDynamo endpoint, int n) throws Exception {
        System.setProperty("bench.canned", endpoint.endpoint().toString());
        Map<String, Object> out = new LinkedHashMap<>();
        for (String impl : new String[] {"skystate", "sdk"}) {
            String key = impl.equals("sdk") ? AwsCannedBench.SDK_KEY : AwsCannedBench.SKYSTATE_KEY;
            AwsCannedBench bench = new AwsCannedBench();
            bench.impl = impl;
            Map<String, Long> before = of(endpoint, key);
            bench.setUp();
            Map<String, Object> side = new LinkedHashMap<>();
            side.put("setup", diff(before, of(endpoint, key), 1));
            Map<String, Object> perOp = new LinkedHashMap<>();
            Map<String, Object> sizes = new LinkedHashMap<>();
            for (Map.Entry<String, Supplier<Object>> op : ops(bench).entrySet()) {
                Map<String, Long> start = of(endpoint, key);
                List<Integer> seen = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    Object result = op.getValue().get();
                    if (i < 3) {
                        seen.add(size(result));
                    }
                }
                perOp.put(op.getKey(), diff(start, of(endpoint, key), n));
                sizes.put(op.getKey(), seen);
            }
            bench.tearDown();
            side.put("perOp", perOp);
            side.put("sizes", sizes);
            out.put(impl, side);
        }
        return out;
    }

    static Map<String, Supplier<Object>> ops(AwsCannedBench bench) {
        Map<String, Supplier<Object>> ops = PairedState.ops(bench);
        ops.put("listPage", bench::listPage);
        ops.put("getAll100", bench::getAll100);
        return ops;
    }

    /** Records a result holds: entries of a map or page, else 1 (0 for null). */
    private static int size(Object result) {
        if (result instanceof Map<?, ?> map) {
            return map.size();
        }
        if (result instanceof Page page) {
            return page.entries().size();
        }
        if (result instanceof RawDynamo.Listing listing) {
            return listing.rows().size();
        }
        if (result instanceof Object[] array) {
            return array.length;
        }
        return result == null ? 0 : 1;
    }

    private static Map<String, Long> of(LoopbackDynamo endpoint, String key) {
        return endpoint.counts().getOrDefault(key, Map.of());
    }

    private static Map<String, Double> diff(Map<String, Long> before, Map<String, Long> after, int n) {
        Map<String, Double> out = new TreeMap<>();
        after.forEach((op, count) -> {
            long d = count - before.getOrDefault(op, 0L);
            if (d != 0) {
                out.put(op, (double) d / n);
            }
        });
        return out;
    }
}
