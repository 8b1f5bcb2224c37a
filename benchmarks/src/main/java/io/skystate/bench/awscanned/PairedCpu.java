package io.skystate.bench.awscanned;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.skystate.bench.overhead.PairedBlocks;
import io.skystate.bench.overhead.PairedState;
import java.io.File;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A paired measurement that a loaded machine cannot tilt: both sides of {@link AwsCannedBench} open in one JVM (so
 * they run the same JIT-compiled SDK code) against one {@link LoopbackDynamo}, warmed together, then measured in
 * alternating blocks (Skystate, SDK, then SDK, Skystate, ...) of the same operation, seconds apart at most; each
 * operation is warmed just before it is measured. Measured by {@link PairedBlocks}: per block the calling thread's
 * CPU time per operation (decisive here: the SDK's synchronous HTTP clients do their I/O on the calling thread), the
 * process's and the wall time; per pair of blocks the ratio Skystate / SDK; reported: the median ratio with its
 * quartiles (and every pair's ratio), and the median CPU µs/op of each side. Args: output directory; properties
 * {@code bench.https} (HTTP clients, default {@code urlconnection,apache5}), {@code bench.pairs} (40),
 * {@code bench.warmOps} (3000 per operation and side). Writes {@code awscanned-paired.json}.
 */
public final class PairedCpu {
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
                AwsCannedBench skystate = PairedState.open(AwsCannedBench::new, "skystate");
                AwsCannedBench sdk = PairedState.open(AwsCannedBench::new, "sdk");
                Map<String, Supplier<Object>> sk = CannedRequestCounts.ops(skystate);
                Map<String, Supplier<Object>> sd = CannedRequestCounts.ops(sdk);
                Map<String, Object> ops = new LinkedHashMap<>();
                // put last: it cycles over every record, so it would move the record the conditional put chains on
                for (String op : List.of("get", "conditionalPut", "transaction10", "listPage", "getAll100", "put")) {
                    PairedBlocks.run(sk.get(op), warm);
                    PairedBlocks.run(sd.get(op), warm);
                    int block = op.equals("listPage") || op.equals("getAll100") ? 30 : 150;
                    ops.put(op, PairedBlocks.measure(sk.get(op), sd.get(op), pairs, block));
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
}
