package io.skystate.bench.scaling;

import io.skystate.emulators.Azurite;
import io.skystate.emulators.FirestoreEmulator;
import io.skystate.emulators.Moto;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The scaling curves of issue 12, each a part named on the command line, each written as JSON lines to
 * {@code <out dir>/scaling-<part>.jsonl}: {@code callbacks} (sweep cost vs pending callbacks, local),
 * {@code callbacks-aws} (the same on moto), {@code state} (throughput vs threads), {@code state-aws} (throughput vs
 * threads and listing on moto), {@code callbacks-azure} and {@code state-azure} (the same on Azurite's Tables),
 * {@code callbacks-gcp} and {@code state-gcp} (the same on the Firestore emulator; these two need adapter-gcp's own
 * class path, see {@code scripts/run-benchmarks.sh}), {@code list} (listing a group
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
                        new CallbackSweepBench("local", name -> LocalTarget.open(tmp.resolve(name + ".db")), out,
                                Integer.MAX_VALUE).run(ns, repeats, true);
                        IdleSweepCost.run("local", LocalTarget.SWEEPER_THREAD,
                                name -> LocalTarget.open(tmp.resolve(name + ".db")), sizes("idle", "0,1000,10000"),
                                repeats, out);
                    }
                    case "callbacks-aws" -> {
                        try (Moto moto = Moto.start()) {
                            URI endpoint = moto.endpoint();
                            callbacksOn("moto", "aws", MotoTarget.SWEEPER_THREAD,
                                    name -> MotoTarget.open(endpoint, name), repeats, out);
                        }
                    }
                    case "state-aws" -> {
                        try (Moto moto = Moto.start();
                                ClockedTarget target = MotoTarget.open(moto.endpoint(), "state")) {
                            stateOn(target, "moto", "dynamodb", "aws", repeats, out);
                        }
                    }
                    case "callbacks-azure" -> {
                        try (Azurite azurite = Azurite.start()) {
                            String connection = azurite.connectionString();
                            callbacksOn("azurite", "azure", AzureTarget.SWEEPER_THREAD,
                                    name -> AzureTarget.open(connection, name), repeats, out);
                        }
                    }
                    case "state-azure" -> {
                        try (Azurite azurite = Azurite.start();
                                ClockedTarget target = AzureTarget.open(azurite.connectionString(), "state")) {
                            stateOn(target, "azurite", "tables", "azure", repeats, out);
                        }
                    }
                    case "callbacks-gcp" -> {
                        try (FirestoreEmulator emulator = FirestoreEmulator.start()) {
                            String hostPort = emulator.hostPort();
                            callbacksOn("firestore-emulator", "gcp", GcpTarget.SWEEPER_THREAD,
                                    name -> GcpTarget.open(hostPort, name), repeats, out);
                        }
                    }
                    case "state-gcp" -> {
                        try (FirestoreEmulator emulator = FirestoreEmulator.start();
                                ClockedTarget target = GcpTarget.open(emulator.hostPort(), "state")) {
                            stateOn(target, "firestore-emulator", "firestore", "gcp", repeats, out);
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

    /**
     * The callback sweep on an emulator-backed target: the not-due sweep and the bursts at
     * {@code bench.scaling.callbacks-<tag>.n} (bursts only up to {@code bench.scaling.<tag>.burstMaxN}), then the idle
     * sweeper's CPU at {@code bench.scaling.idle-<tag>.n}.
     */
    private static void callbacksOn(String backend, String tag, String sweeperThread,
            Function<String, CallbackSweepBench.Target> open, int repeats, Jsonl out) throws InterruptedException {
        new CallbackSweepBench(backend, open, out, Integer.getInteger("bench.scaling." + tag + ".burstMaxN", 1000))
                .run(sizes("callbacks-" + tag, "10,100,1000"), repeats, true);
        IdleSweepCost.run(backend, sweeperThread, open, sizes("idle-" + tag, "0,1000"), repeats, out);
    }

    /**
     * State throughput vs threads ({@code bench.scaling.state-<tag>.n}) and listing a group page by page
     * ({@code bench.scaling.list-<tag>.n}) on one store of an emulator-backed target.
     */
    private static void stateOn(ClockedTarget target, String backend, String mode, String tag,
            int repeats, Jsonl out) throws InterruptedException {
        var store = target.skystate().stateStore("bench");
        for (int repeat = 0; repeat < repeats; repeat++) {
            StateScalingBench.threadsOn(store, backend, mode, sizes("state-" + tag, "1,2,4,8,16"), repeat, out);
        }
        StateScalingBench.listOn(store, backend, mode, sizes("list-" + tag, "100,1000"), repeats,
                Integer.getInteger("bench.scaling.pageSize", 100), out);
    }

    static int[] sizes(String part, String defaults) {
        return Arrays.stream(System.getProperty("bench.scaling." + part + ".n", defaults).split(","))
                .mapToInt(Integer::parseInt).toArray();
    }
}
