package io.skystate.bench.workflow;

import com.microsoft.durabletask.DurableTaskClient;
import com.microsoft.durabletask.DurableTaskGrpcClientBuilder;
import com.microsoft.durabletask.DurableTaskGrpcWorker;
import com.microsoft.durabletask.DurableTaskGrpcWorkerBuilder;
import com.microsoft.durabletask.OrchestrationMetadata;
import com.microsoft.durabletask.OrchestrationRuntimeStatus;
import com.microsoft.durabletask.Task;
import com.microsoft.durabletask.TaskActivity;
import com.microsoft.durabletask.TaskActivityFactory;
import com.microsoft.durabletask.TaskOrchestration;
import com.microsoft.durabletask.TaskOrchestrationFactory;
import io.skystate.api.handler.HandlerDefinition;
import io.skystate.api.workflow.RunStatus;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.api.workflow.WorkflowRun;
import io.skystate.local.LocalSkystate;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The workflow harness (not JMH: one measurement is a whole batch of instances). For each engine, mode, workflow and
 * concurrency N (N = 1000: 2 runs in file mode, 1 in memory mode, to fit the time budget) it starts N instances at once from 8 client threads, waits for all, and records throughput
 * (N / (last end - first start call)) and each instance's start-to-finish latency from the engine's own timestamps
 * (Skystate: startedAt/endedAt; Durable Task: createdAt/lastUpdatedAt). Repeated runs give the spread.
 *
 * <p>Workflows: {@code seq3}, three tasks in sequence; {@code fan10}, a parallel step of ten one-task branches.
 * Every task is the same trivial handler/activity (returns its input), so the engine's own cost is measured.
 *
 * <p>Args: output file (JSON lines), then engines to run: {@code skystate} and/or {@code durabletask=<bin>}.
 */
public final class WorkflowBench {
    static final String INPUT = "{\"order\":\"o-1\",\"qty\":2}";
    static final int[] CONCURRENCY = Arrays.stream(System.getProperty("bench.wf.n", "1,100,1000").split(","))
            .mapToInt(Integer::parseInt).toArray();
    static final long RUN_TIMEOUT_MS = Long.getLong("bench.wf.timeoutMs", 120_000);

    private WorkflowBench() {
    }

    /** What one engine offers the harness. */
    interface Engine extends AutoCloseable {
        void start(String workflow, String id);

        /** Waits for the instance; returns {startMillis, endMillis} or null if it did not finish successfully. */
        long[] await(String id, long deadlineMillis) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Path tmp = Files.createTempDirectory(Path.of(System.getProperty("bench.tmp", "target")), "wf-bench");
        int repeats1 = Integer.getInteger("bench.wf.repeats1", 5);
        int repeats100 = Integer.getInteger("bench.wf.repeats100", 3);
        int repeats1000 = Integer.getInteger("bench.wf.repeats1000", 2);
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            for (String arg : Arrays.copyOfRange(args, 1, args.length)) {
                for (String mode : List.of("memory", "file")) {
                    String engineName = arg.startsWith("durabletask=") ? "durabletask" : "skystate";
                    try (Engine engine = engineName.equals("skystate") ? skystate(mode, tmp)
                            : durableTask(arg.substring("durabletask=".length()), mode, tmp)) {
                        for (String workflow : List.of("seq3", "fan10")) {
                            // warm-up: JIT and connections, not recorded
                            batch(engine, workflow, 50, "warm-" + mode + "-" + workflow);
                            for (int n : CONCURRENCY) {
                                int repeats = n == 1 ? repeats1 : n == 100 ? repeats100 : mode.equals("file") ? repeats1000 : 1;
                                for (int r = 0; r < repeats; r++) {
                                    String prefix = engineName + "-" + mode + "-" + workflow + "-" + n + "-" + r;
                                    long t0 = System.nanoTime();
                                    Batch b = batch(engine, workflow, n, prefix);
                                    String line = String.format(java.util.Locale.ROOT,
                                            "{\"engine\":\"%s\",\"mode\":\"%s\",\"workflow\":\"%s\",\"n\":%d,\"repeat\":%d,"
                                                    + "\"completed\":%d,\"throughput\":%.3f,\"wallMs\":%d,\"latenciesMs\":%s}",
                                            engineName, mode, workflow, n, r, b.latencies.size(), b.throughput,
                                            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0), b.latencies);
                                    w.println(line);
                                    w.flush();
                                    System.out.printf("%s: %d/%d done, %.1f instances/s, wall %d ms%n", prefix,
                                            b.latencies.size(), n, b.throughput,
                                            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
                                    if (b.latencies.size() < n) {
                                        break; // timed out: more repeats would only time out again
                                    }
                                }
                            }
                        }
                    } catch (Exception e) {
                        System.out.println(engineName + " " + mode + " failed: " + e);
                        w.printf("{\"engine\":\"%s\",\"mode\":\"%s\",\"error\":\"%s\"}%n", engineName, mode,
                                String.valueOf(e).replace("\\", "\\\\").replace("\"", "'"));
                        w.flush();
                    }
                }
            }
        }
        // The Durable Task worker keeps non-daemon gRPC threads retrying its closed sidecar after close(): end here.
        System.exit(0);
    }

    record Batch(List<Long> latencies, double throughput) {
    }

    static Batch batch(Engine engine, String workflow, int n, String prefix) throws Exception {
        ExecutorService starters = Executors.newFixedThreadPool(8);
        List<String> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(prefix + "-" + i);
        }
        long t0 = System.currentTimeMillis();
        long deadline = t0 + RUN_TIMEOUT_MS;
        try {
            List<Future<?>> started = new ArrayList<>();
            for (String id : ids) {
                started.add(starters.submit(() -> engine.start(workflow, id)));
            }
            for (Future<?> f : started) {
                f.get();
            }
        } finally {
            starters.shutdown();
        }
        List<Long> latencies = new ArrayList<>(n);
        long lastEnd = t0;
        for (String id : ids) {
            long[] times = engine.await(id, deadline);
            if (times != null) {
                latencies.add(times[1] - times[0]);
                lastEnd = Math.max(lastEnd, times[1]);
            }
        }
        double seconds = Math.max(1, lastEnd - t0) / 1000.0;
        return new Batch(latencies, latencies.size() / seconds);
    }

    // ---------------------------------------------------------------------------------------------- Skystate

    static Engine skystate(String mode, Path tmp) {
        return skystate(open(mode, tmp));
    }

    /** A Skystate instance in {@code mode} (memory or file under {@code tmp}), with no workflow registered yet. */
    static LocalSkystate open(String mode, Path tmp) {
        var builder = LocalSkystate.builder().withoutHttp();
        return (mode.equals("file") ? builder.file(tmp.resolve("skystate-" + System.nanoTime() + ".db")) : builder)
                .build();
    }

    /** The harness's engine on {@code s}: registers the echo handler and the seq3 and fan10 workflows. */
    static Engine skystate(LocalSkystate s) {
        @SuppressWarnings({"rawtypes", "unchecked"})
        HandlerDefinition<Map, Map> echo = HandlerDefinition.ofFunction("echo", Map.class, Map.class, m -> m);
        s.handlers().register(echo);
        s.workflows().register(WorkflowDefinition.builder("seq3", 1).startAt("a")
                .task("a", "echo", t -> t.next("b"))
                .task("b", "echo", t -> t.next("c"))
                .task("c", "echo", t -> { })
                .build());
        s.workflows().register(WorkflowDefinition.builder("fan10", 1).startAt("fan")
                .parallel("fan", p -> {
                    for (int i = 0; i < 10; i++) {
                        String step = "t" + i; // step names are unique across the whole workflow
                        p.branch(b -> b.startAt(step).task(step, "echo", t -> { }));
                    }
                })
                .build());
        byte[] input = INPUT.getBytes(StandardCharsets.UTF_8);
        return new Engine() {
            @Override
            public void start(String workflow, String id) {
                s.workflows().start(workflow, id, input);
            }

            @Override
            public long[] await(String id, long deadlineMillis) throws Exception {
                long wait = Math.max(1, deadlineMillis - System.currentTimeMillis());
                WorkflowRun run = s.workflows().await(id, Duration.ofMillis(wait));
                if (run.status() != RunStatus.SUCCEEDED) {
                    return null;
                }
                return new long[] {run.startedAt().toEpochMilli(), run.endedAt().orElseThrow().toEpochMilli()};
            }

            @Override
            public void close() {
                s.close();
            }
        };
    }

    // ---------------------------------------------------------------------------------------------- Durable Task

    static Engine durableTask(String binary, String mode, Path tmp) throws Exception {
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(binary, "--port", String.valueOf(port)));
        if (mode.equals("file")) {
            command.add("--db");
            command.add(tmp.resolve("durabletask-" + System.nanoTime() + ".db").toString());
        }
        Path log = tmp.resolve("durabletask-" + mode + ".log");
        Process sidecar = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        waitForPort(port, sidecar, log);
        TaskActivity echo = ctx -> ctx.getInput(String.class);
        DurableTaskGrpcWorker worker = new DurableTaskGrpcWorkerBuilder().port(port)
                .addActivity(factory("echo", echo))
                .addOrchestration(orchestration("seq3", ctx -> {
                    String data = ctx.getInput(String.class);
                    data = ctx.callActivity("echo", data, String.class).await();
                    data = ctx.callActivity("echo", data, String.class).await();
                    data = ctx.callActivity("echo", data, String.class).await();
                    ctx.complete(data);
                }))
                .addOrchestration(orchestration("fan10", ctx -> {
                    String data = ctx.getInput(String.class);
                    List<Task<String>> branches = new ArrayList<>();
                    for (int i = 0; i < 10; i++) {
                        branches.add(ctx.callActivity("echo", data, String.class));
                    }
                    ctx.complete(ctx.allOf(branches).await());
                }))
                .build();
        worker.start();
        DurableTaskClient client = new DurableTaskGrpcClientBuilder().port(port).build();
        return new Engine() {
            @Override
            public void start(String workflow, String id) {
                client.scheduleNewOrchestrationInstance(workflow, INPUT, id);
            }

            @Override
            public long[] await(String id, long deadlineMillis) throws Exception {
                long wait = Math.max(1, deadlineMillis - System.currentTimeMillis());
                try {
                    OrchestrationMetadata m = client.waitForInstanceCompletion(id, Duration.ofMillis(wait), false);
                    if (m.getRuntimeStatus() != OrchestrationRuntimeStatus.COMPLETED) {
                        return null;
                    }
                    return new long[] {m.getCreatedAt().toEpochMilli(), m.getLastUpdatedAt().toEpochMilli()};
                } catch (java.util.concurrent.TimeoutException e) {
                    return null;
                }
            }

            @Override
            public void close() throws Exception {
                client.close();
                worker.stop();
                worker.close();
                sidecar.destroy();
                if (!sidecar.waitFor(10, TimeUnit.SECONDS)) {
                    sidecar.destroyForcibly();
                }
            }
        };
    }

    static TaskActivityFactory factory(String name, TaskActivity activity) {
        return new TaskActivityFactory() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public TaskActivity create() {
                return activity;
            }
        };
    }

    static TaskOrchestrationFactory orchestration(String name, TaskOrchestration orchestration) {
        return new TaskOrchestrationFactory() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public TaskOrchestration create() {
                return orchestration;
            }
        };
    }

    static void waitForPort(int port, Process process, Path log) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("durabletask-go exited with " + process.exitValue() + ": " + Files.readString(log));
            }
            try (Socket ignored = new Socket("localhost", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IOException("durabletask-go did not listen on port " + port + " within 30 s");
    }
}
