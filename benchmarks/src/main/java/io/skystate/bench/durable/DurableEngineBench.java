package io.skystate.bench.durable;

import com.microsoft.durabletask.DurableTaskClient;
import com.microsoft.durabletask.DurableTaskGrpcClientBuilder;
import com.microsoft.durabletask.DurableTaskGrpcWorker;
import com.microsoft.durabletask.DurableTaskGrpcWorkerBuilder;
import com.microsoft.durabletask.OrchestrationMetadata;
import com.microsoft.durabletask.OrchestrationRuntimeStatus;
import com.microsoft.durabletask.TaskActivity;
import com.microsoft.durabletask.TaskActivityFactory;
import com.microsoft.durabletask.TaskOrchestration;
import com.microsoft.durabletask.TaskOrchestrationFactory;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.skystate.api.WorkflowPortability;
import io.skystate.api.handler.HandlerDefinition;
import io.skystate.api.workflow.RunStatus;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.api.workflow.WorkflowRun;
import io.skystate.api.workflow.Workflows;
import io.skystate.azure.internal.durable.DurableConnection;
import io.skystate.azure.internal.durable.DurableWorkflowEngine;
import io.skystate.core.callback.StoreBackedCallbacks;
import io.skystate.core.crypto.Keys;
import io.skystate.core.handler.HandlerRegistry;
import io.skystate.core.json.JacksonCodec;
import io.skystate.emulators.DurableTaskSidecar;
import io.skystate.local.LocalSkystate;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The Durable engine's overhead: Skystate's generic orchestrator (core's interpreter walking a 3-task definition, the
 * task activity resolving claims and calling a registered handler, the run registry) against a hand-written Durable
 * Task orchestrator calling the same trivial activity three times, on ONE durabletask-go sidecar (the harness's
 * build, in memory, parallelism 8/8), each side with {@value DurableWorkflowEngine#DEFAULT_WORKERS} workers. The sides
 * run in alternating phases (hand, skystate, skystate, hand), only one side's workers connected at a time. Per phase:
 * N = 1 (5 runs, latency) and N = 100 concurrent (3 batches, throughput), after a 50-instance warm-up. Times come from
 * each side's own timestamps (Skystate: startedAt/endedAt; Durable Task: createdAt/lastUpdatedAt).
 *
 * <p>Args: output JSON lines file. Prints the ratio table (goal: Skystate ≤ 1.25× the hand-written orchestrator).
 */
public final class DurableEngineBench {
    static final String INPUT = "{\"order\":\"o-1\",\"qty\":2}";
    static final int WORKERS = DurableWorkflowEngine.DEFAULT_WORKERS;

    private DurableEngineBench() {
    }

    /** The latencies of the instances that succeeded, and instances per second. */
    record Batch(List<Long> latencies, double throughput) {
    }

    /** One side: start an instance, await it, return {start, end} epoch millis or null. */
    interface Side extends AutoCloseable {
        void start(String id);

        long[] await(String id) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        List<String> lines = new ArrayList<>();
        try (DurableTaskSidecar sidecar = DurableTaskSidecar.start(DurableTaskSidecar.Options.defaults()
                .lockTimeout(Duration.ofMinutes(2)));
                PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            int phase = 0;
            for (String side : List.of("hand", "skystate", "skystate", "hand")) {
                phase++;
                try (Side s = side.equals("hand") ? hand(sidecar.port()) : skystate(sidecar.port())) {
                    batch(s, 50, side + phase + "-warm");
                    for (int r = 0; r < 5; r++) {
                        record(w, lines, side, phase, 1, batch(s, 1, side + phase + "-one-" + r));
                    }
                    for (int r = 0; r < 3; r++) {
                        record(w, lines, side, phase, 100, batch(s, 100, side + phase + "-hundred-" + r));
                    }
                }
            }
        }
        lines.forEach(System.out::println);
        System.exit(0); // the Durable Task worker leaves non-daemon gRPC threads behind
    }

    private static void record(PrintWriter w, List<String> lines, String side, int phase, int n, Batch b) {
        String line = String.format(Locale.ROOT, "{\"side\":\"%s\",\"phase\":%d,\"n\":%d,\"completed\":%d,"
                + "\"throughput\":%.3f,\"latenciesMs\":%s}", side, phase, n, b.latencies().size(), b.throughput(),
                b.latencies());
        w.println(line);
        w.flush();
        lines.add(line);
    }

    static Batch batch(Side side, int n, String prefix) throws Exception {
        ExecutorService starters = Executors.newFixedThreadPool(8);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(prefix + "-" + i);
        }
        long t0 = System.currentTimeMillis();
        try {
            List<Future<?>> started = new ArrayList<>();
            for (String id : ids) {
                started.add(starters.submit(() -> side.start(id)));
            }
            for (Future<?> f : started) {
                f.get();
            }
        } finally {
            starters.shutdown();
        }
        List<Long> latencies = new ArrayList<>();
        long lastEnd = t0;
        for (String id : ids) {
            long[] times = side.await(id);
            if (times != null) {
                latencies.add(times[1] - times[0]);
                lastEnd = Math.max(lastEnd, times[1]);
            }
        }
        return new Batch(latencies, latencies.size() / (Math.max(1, lastEnd - t0) / 1000.0));
    }

    static Side hand(int port) {
        ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        List<DurableTaskGrpcWorker> workers = new ArrayList<>();
        for (int i = 0; i < WORKERS; i++) {
            DurableTaskGrpcWorker worker = new DurableTaskGrpcWorkerBuilder().grpcChannel(channel)
                    .addActivity(activity("HandEcho", ctx -> ctx.getInput(String.class)))
                    .addOrchestration(orchestration("HandSeq3", ctx -> {
                        String data = ctx.getInput(String.class);
                        data = ctx.callActivity("HandEcho", data, String.class).await();
                        data = ctx.callActivity("HandEcho", data, String.class).await();
                        data = ctx.callActivity("HandEcho", data, String.class).await();
                        ctx.complete(data);
                    })).build();
            worker.start();
            workers.add(worker);
        }
        DurableTaskClient client = new DurableTaskGrpcClientBuilder().grpcChannel(channel).build();
        return new Side() {
            @Override
            public void start(String id) {
                client.scheduleNewOrchestrationInstance("HandSeq3", INPUT, id);
            }

            @Override
            public long[] await(String id) throws Exception {
                OrchestrationMetadata m = client.waitForInstanceCompletion(id, Duration.ofSeconds(120), false);
                return m.getRuntimeStatus() == OrchestrationRuntimeStatus.COMPLETED
                        ? new long[] {m.getCreatedAt().toEpochMilli(), m.getLastUpdatedAt().toEpochMilli()} : null;
            }

            @Override
            public void close() {
                workers.forEach(DurableTaskGrpcWorker::close);
                channel.shutdownNow();
            }
        };
    }

    static Side skystate(int port) {
        LocalSkystate local = LocalSkystate.builder().withoutHttp().build();
        @SuppressWarnings({"rawtypes", "unchecked"})
        HandlerDefinition<Map, Map> echo = HandlerDefinition.ofFunction("echo", Map.class, Map.class, m -> m);
        local.handlers().register(echo);
        JacksonCodec codec = new JacksonCodec("azure");
        StoreBackedCallbacks callbacks = StoreBackedCallbacks.forWorkflows(local,
                local.stateStore("skystate-wf-callbacks"), codec, Keys.randomRing("bench"), Clock.systemUTC(),
                token -> URI.create("http://127.0.0.1/skystate/workflow-callbacks/" + token));
        DurableConnection connection = DurableConnection.sidecar("127.0.0.1", port);
        DurableWorkflowEngine engine = DurableWorkflowEngine.create(local, (HandlerRegistry) local.handlers(),
                callbacks, codec, Clock.systemUTC(), local::capabilities, WorkflowPortability.PORTABLE, connection,
                WORKERS, Keys.randomRing("bench-pages"));
        Workflows workflows = engine.workflows();
        workflows.register(WorkflowDefinition.builder("seq3", 1).startAt("a")
                .task("a", "echo", t -> t.next("b")).task("b", "echo", t -> t.next("c")).task("c", "echo", t -> { })
                .build());
        byte[] input = INPUT.getBytes(StandardCharsets.UTF_8);
        return new Side() {
            @Override
            public void start(String id) {
                workflows.start("seq3", id, input);
            }

            @Override
            public long[] await(String id) throws Exception {
                WorkflowRun run = workflows.await(id, Duration.ofSeconds(120));
                return run.status() == RunStatus.SUCCEEDED
                        ? new long[] {run.startedAt().toEpochMilli(), run.endedAt().orElseThrow().toEpochMilli()} : null;
            }

            @Override
            public void close() {
                engine.close();
                connection.close();
                local.close();
            }
        };
    }

    static TaskActivityFactory activity(String name, TaskActivity activity) {
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
}
