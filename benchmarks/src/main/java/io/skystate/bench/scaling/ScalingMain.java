package io.skystate.bench.scaling;

import io.skystate.emulators.Moto;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The scaling curves of issue 12, each a part named on the command line, each written as JSON lines to
 * {@code <out dir>/scaling-<part>.jsonl}: {@code callbacks} (sweep cost vs pending callbacks, local),
 * {@code callbacks-aws} (the same on moto), {@code state} (throughput vs threads), {@code state-aws} (throughput vs
 * threads and listing on moto), {@code list} (listing a group
 * page by page vs its size), {@code workflow} (throughput vs concurrent runs), {@code history} (history size and
 * read time vs run length). Sizes come from system properties {@code bench.scaling.<part>.n} (comma-separated).
 */
public final class ScalingMain {
    private ScalingMain() {
    }

    public static void main(String[] args) throws Exception {
        Path outDir = Path.of(args[0]);
        List<String> parts = Arrays.asList(args).subList(1, args.length);
        Path tmp = Files.createTempDirectory(Path.of(System.getProperty("bench.tmp", "target")), "scaling");
        int repeats = Integer.getInteger("bench.scaling.repeats", 2);
        for (String part : parts) {
            String file = "scaling-" + part + System.getProperty("bench.scaling.suffix", "") + ".jsonl";
            try (Jsonl out = new Jsonl(outDir.resolve(file))) {
                switch (part) {
                    case "callbacks" -> {
                        int[] ns = sizes("callbacks", "10,100,1000,10000");
                        new CallbackSweepBench("local", name -> new LocalTarget(tmp.resolve(name + ".db")), out,
                                Integer.MAX_VALUE).run(ns, repeats, true);
                        IdleSweepCost.run("local", LocalTarget.SWEEPER_THREAD,
                                name -> new LocalTarget(tmp.resolve(name + ".db")), sizes("idle", "0,1000,10000"),
                                repeats, out);
                    }
                    case "callbacks-aws" -> {
                        try (Moto moto = Moto.start()) {
                            URI endpoint = moto.endpoint();
                            new CallbackSweepBench("moto", name -> new MotoTarget(endpoint, name), out,
                                    Integer.getInteger("bench.scaling.aws.burstMaxN", 1000))
                                    .run(sizes("callbacks-aws", "10,100,1000"), repeats, true);
                            IdleSweepCost.run("moto", MotoTarget.SWEEPER_THREAD, name -> new MotoTarget(endpoint, name),
                                    sizes("idle-aws", "0,1000"), repeats, out);
                        }
                    }
                    case "state-aws" -> {
                        try (Moto moto = Moto.start(); MotoTarget target = new MotoTarget(moto.endpoint(), "state")) {
                            var store = target.skystate().stateStore("bench");
                            for (int repeat = 0; repeat < repeats; repeat++) {
                                StateScalingBench.threadsOn(store, "moto", "dynamodb", sizes("state-aws", "1,2,4,8,16"),
                                        repeat, out);
                            }
                            StateScalingBench.listOn(store, "moto", "dynamodb", sizes("list-aws", "100,1000"),
                                    repeats, Integer.getInteger("bench.scaling.pageSize", 100), out);
                        }
                    }
                    case "state" -> StateScalingBench.threads(tmp, sizes("state", "1,2,4,8,16,32,64"), repeats, out);
                    case "list" -> StateScalingBench.list(tmp, sizes("list", "100,1000,10000,100000"), repeats + 1,
                            Integer.getInteger("bench.scaling.pageSize", 100), out);
                    case "workflow" -> WorkflowScalingBench.concurrency(tmp, sizes("workflow", "1,10,100,1000,10000"),
                            repeats, out);
                    case "history" -> WorkflowScalingBench.history(tmp, sizes("history", "5,50,250,500"), repeats, out);
                    default -> throw new IllegalArgumentException("unknown part " + part);
                }
            }
        }
        System.exit(0);
    }

    static int[] sizes(String part, String defaults) {
        return Arrays.stream(System.getProperty("bench.scaling." + part + ".n", defaults).split(","))
                .mapToInt(Integer::parseInt).toArray();
    }
}
