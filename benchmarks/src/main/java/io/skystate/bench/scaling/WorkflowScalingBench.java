package io.skystate.bench.scaling;

import io.skystate.api.handler.HandlerDefinition;
import io.skystate.api.workflow.ChoiceCondition;
import io.skystate.api.workflow.RunStatus;
import io.skystate.api.workflow.StepExecution;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.api.workflow.WorkflowRun;
import io.skystate.local.LocalSkystate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Local durable workflow curves: throughput of a 3-task sequence against the number of runs started at once (from 8
 * client threads; throughput = completed runs / (last end - first start), the engine's own timestamps); and a run's
 * history (entries, stored rows and bytes, read time) against its length, a loop of a task and a choice run L times.
 */
final class WorkflowScalingBench {
    private static final long TIMEOUT_MILLIS = Long.getLong("bench.scaling.wfTimeoutMs", 180_000);
    private static final byte[] INPUT = "{\"order\":\"o-1\",\"qty\":2,\"i\":0}".getBytes(StandardCharsets.UTF_8);

    private WorkflowScalingBench() {
    }

    static void concurrency(Path tmp, int[] ns, int repeats, Jsonl out) throws Exception {
        try (LocalSkystate sky = open(tmp.resolve("wf-concurrency.db"), new int[0])) {
            batch(sky, 50, "warm"); // JIT and connection, not recorded
            for (int n : ns) {
                int times = n >= 10_000 ? 1 : repeats;
                for (int repeat = 0; repeat < times; repeat++) {
                    long t0 = System.currentTimeMillis();
                    long[] doneAndLastEnd = batch(sky, n, "n" + n + "-" + repeat);
                    double seconds = Math.max(1, doneAndLastEnd[1] - t0) / 1000.0;
                    out.write("part", "workflow", "backend", "local", "mode", "file", "workflow", "seq3", "n", n,
                            "repeat", repeat, "completed", doneAndLastEnd[0], "runsPerS", doneAndLastEnd[0] / seconds);
                }
            }
        }
    }

    /** Starts n seq3 runs from 8 threads, awaits them; returns {completed, last end millis}. */
    private static long[] batch(LocalSkystate sky, int n, String prefix) throws Exception {
        ExecutorService starters = Executors.newFixedThreadPool(8);
        List<Future<?>> started = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = prefix + "-" + i;
            started.add(starters.submit(() -> sky.workflows().start("seq3", id, INPUT)));
        }
        for (Future<?> f : started) {
            f.get();
        }
        starters.shutdown();
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        long completed = 0;
        long lastEnd = 0;
        for (int i = 0; i < n; i++) {
            long wait = Math.max(1, deadline - System.currentTimeMillis());
            WorkflowRun run = sky.workflows().await(prefix + "-" + i, Duration.ofMillis(wait));
            if (run.status() == RunStatus.SUCCEEDED) {
                completed++;
                lastEnd = Math.max(lastEnd, run.endedAt().orElseThrow().toEpochMilli());
            }
        }
        return new long[] {completed, lastEnd};
    }

    static void history(Path tmp, int[] loops, int repeats, Jsonl out) throws Exception {
        Path file = tmp.resolve("wf-history.db");
        try (LocalSkystate sky = open(file, loops)) {
            for (int repeat = -1; repeat < repeats; repeat++) { // repeat -1 warms up (JIT), not reported
                for (int l : loops) {
                    String id = "loop" + l + "-" + repeat;
                    long t0 = System.nanoTime();
                    sky.workflows().start("loop" + l, id, INPUT);
                    WorkflowRun run = sky.workflows().await(id, Duration.ofMillis(TIMEOUT_MILLIS));
                    double runMs = (System.nanoTime() - t0) / 1e6;
                    if (run.status() != RunStatus.SUCCEEDED) {
                        throw new IllegalStateException(id + " ended " + run.status());
                    }
                    List<StepExecution> history = sky.workflows().history(id);
                    double[] reads = new double[5];
                    for (int i = 0; i < reads.length; i++) {
                        long r0 = System.nanoTime();
                        sky.workflows().history(id);
                        reads[i] = (System.nanoTime() - r0) / 1e6;
                    }
                    Arrays.sort(reads);
                    long[] stored = storedHistory(file, id);
                    out.write("part", "history", "backend", "local", "mode", "file", "loops", l, "steps", 2 * l + 1,
                            "repeat", repeat, "entries", history.size(), "rows", stored[0], "bytes", stored[1],
                            "readMsMedian", reads[2], "runMs", runMs);
                }
            }
        }
    }

    /** The run's rows in adapter-local's history table and their column bytes, read over a second connection. */
    private static long[] storedHistory(Path file, String runId) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                PreparedStatement q = c.prepareStatement("SELECT count(*), sum(length(path) + length(kind)"
                        + " + length(outcome) + coalesce(length(error), 0) + coalesce(length(cause), 0) + 4 * 8)"
                        + " FROM wf_history WHERE run_id = ?")) {
            q.setString(1, runId);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return new long[] {r.getLong(1), r.getLong(2)};
            }
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static LocalSkystate open(Path file, int[] loops) {
        LocalSkystate sky = LocalSkystate.builder().withoutHttp().file(file).build();
        HandlerDefinition<Map, Map> echo = HandlerDefinition.ofFunction("echo", Map.class, Map.class, m -> m);
        HandlerDefinition<Map, Map> inc = HandlerDefinition.ofFunction("inc", Map.class, Map.class, m -> {
            Map<String, Object> next = new HashMap<>(m);
            next.put("i", ((Number) m.get("i")).intValue() + 1);
            return next;
        });
        sky.handlers().register(echo);
        sky.handlers().register(inc);
        sky.workflows().register(WorkflowDefinition.builder("seq3", 1).startAt("a")
                .task("a", "echo", t -> t.next("b"))
                .task("b", "echo", t -> t.next("c"))
                .task("c", "echo", t -> { })
                .build());
        for (int l : loops) {
            sky.workflows().register(WorkflowDefinition.builder("loop" + l, 1).startAt("inc")
                    .task("inc", "inc", t -> t.next("check"))
                    .choice("check", c -> c.when(ChoiceCondition.numeric("$.i", ChoiceCondition.Operator.LT, l), "inc")
                            .otherwise("done"))
                    .succeed("done")
                    .build());
        }
        return sky;
    }
}
