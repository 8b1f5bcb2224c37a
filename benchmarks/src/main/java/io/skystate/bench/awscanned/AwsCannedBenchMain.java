package io.skystate.bench.awscanned;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.skystate.bench.overhead.OverheadRounds;
import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs {@link AwsCannedBench} against a {@link LoopbackDynamo} it starts in this process (the JMH forks reach it
 * over loopback, as they reach moto) and stops after, once per SDK HTTP client of {@code bench.https} (default
 * {@code urlconnection,apache5}; see {@link AwsCannedBench#http()}): first the request count per operation of both
 * sides ({@link CannedRequestCounts}, {@code bench.countOps} runs per operation, default 60), then the JMH rounds
 * ({@link OverheadRounds}: {@code jmh-awscanned-r<round>.json} for the URL-connection client,
 * {@code jmh-awscanned-<client>-r<round>.json} for another). Writes the counts, plus the requests the endpoint
 * answered per side during the rounds, to {@code awscanned-requests.json}, and the forks' CPU time per operation to
 * {@code awscanned-cpu.jsonl} (one line per trial, in trial order). JMH's {@code gc} profiler is on (allocation per
 * operation) unless {@code bench.profiler} names another. Args: output directory.
 */
public final class AwsCannedBenchMain {
    private AwsCannedBenchMain() {
    }

    public static void main(String[] args) throws Exception {
        String out = args.length > 0 ? args[0] : "target";
        Map<String, Object> report = new LinkedHashMap<>();
        int n = Integer.getInteger("bench.countOps", 60);
        new File(out, "awscanned-cpu.jsonl").delete();
        if (System.getProperty("bench.profiler") == null) {
            System.setProperty("bench.profiler", "gc");
        }
        report.put("countOps", n);
        try (LoopbackDynamo endpoint = LoopbackDynamo.start()) {
            System.out.println("loopback DynamoDB at " + endpoint.endpoint());
            for (String http : System.getProperty("bench.https", "urlconnection,apache5").split(",")) {
                System.setProperty("bench.http", http);
                Map<String, Object> client = new LinkedHashMap<>();
                client.put("sides", CannedRequestCounts.measure(endpoint, n));
                System.out.println(http + ": requests per operation: " + client.get("sides"));
                Map<String, Map<String, Long>> before = endpoint.counts();
                String name = http.equals("urlconnection") ? "awscanned" : "awscanned-" + http;
                OverheadRounds.run(out, name, AwsCannedBench.class, "-Dbench.canned=" + endpoint.endpoint(),
                        "-Dbench.http=" + http, "-Dbench.cpuOut=" + new File(out, "awscanned-cpu.jsonl").getAbsolutePath());
                client.put("duringRounds", since(before, endpoint.counts()));
                report.put(http, client);
                new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(new File(out, "awscanned-requests.json"),
                        report);
            }
        }
    }

    private static Map<String, Map<String, Long>> since(Map<String, Map<String, Long>> before,
            Map<String, Map<String, Long>> after) {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        after.forEach((key, ops) -> {
            Map<String, Long> d = new LinkedHashMap<>();
            ops.forEach((op, c) -> d.put(op, c - before.getOrDefault(key, Map.of()).getOrDefault(op, 0L)));
            out.put(key, d);
        });
        return out;
    }
}
