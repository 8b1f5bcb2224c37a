package io.skystate.gcp.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import io.skystate.api.handler.HandlerDefinition;
import io.skystate.api.workflow.CatchRule;
import io.skystate.api.workflow.RetryRule;
import io.skystate.api.workflow.RunStatus;
import io.skystate.api.workflow.StepExecution;
import io.skystate.api.workflow.StepFailure;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.api.workflow.WorkflowErrors;
import io.skystate.api.workflow.WorkflowRun;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the conformance suites do not reach, end to end on Skystate's Workflows runner: the cooperative stop of
 * parallel branches, fatal errors through a parallel step, full-jitter retries, several retry rules, inputs over
 * Workflows' 32 KB argument limit, compensations that keep failing, and the history each leaves.
 */
class CloudWorkflowsScenariosIT {
    private static GcpWorkflowsStack stack;
    private static final Duration AWAIT = Duration.ofSeconds(60);

    @BeforeAll
    static void open() {
        stack = GcpWorkflowsStack.open();
    }

    @AfterAll
    static void close() {
        stack.close();
    }

    private static String handler(String name, io.skystate.api.handler.Handler<Object, Object> body) {
        stack.handlers().register(HandlerDefinition.of(name, Object.class, Object.class, body));
        return name;
    }

    private static WorkflowRun run(WorkflowDefinition definition, String id, String input) throws InterruptedException {
        stack.workflows().register(definition);
        stack.workflows().start(definition.name(), id, input.getBytes(StandardCharsets.UTF_8));
        WorkflowRun run = stack.workflows().await(id, AWAIT);
        assertThat(run.status()).as("run %s", id).isNotEqualTo(RunStatus.RUNNING);
        return run;
    }

    private static List<String> lines(String id) {
        return stack.workflows().history(id).stream().map(e -> e.path() + " " + e.kind() + " " + e.outcome() + " "
                + e.attempts() + e.error().map(err -> " " + err).orElse("")).toList();
    }

    /**
     * A failing branch stops its sibling at the next step boundary: the sibling's task in flight is CANCELLED, its
     * next step never runs, and the parallel step is caught with the first failure.
     */
    @Test
    void firstFailureStopsTheOtherBranches() throws Exception {
        CountDownLatch failed = new CountDownLatch(1);
        AtomicInteger afterCalls = new AtomicInteger();
        String fail = handler("s1-fail", (in, c) -> {
            failed.countDown();
            throw new StepFailure("Branch.Broke", "on purpose");
        });
        String slow = handler("s1-slow", (in, c) -> {
            failed.await(10, TimeUnit.SECONDS);
            Thread.sleep(300);
            return "late";
        });
        String after = handler("s1-after", (in, c) -> afterCalls.incrementAndGet());
        WorkflowDefinition definition = WorkflowDefinition.builder("stop-siblings", 1).startAt("fan")
                .parallel("fan", p -> p.catching(new CatchRule(List.of("Branch.Broke"), "$.broke", "done"))
                        .branch(b -> b.startAt("boom").task("boom", fail, t -> { }))
                        .branch(b -> b.startAt("slow").task("slow", slow, t -> t.next("more"))
                                .task("more", after, t -> { })))
                .succeed("done").build();
        WorkflowRun run = run(definition, "stop-1", "{}");
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(afterCalls).hasValue(0);
        assertThat(lines("stop-1")).containsExactlyInAnyOrder("fan parallel CAUGHT 1 Branch.Broke",
                "fan/0/boom task FAILED 1 Branch.Broke", "fan/1/slow task CANCELLED 1", "done succeed SUCCEEDED 1");
        assertThat(lines("stop-1").get(0)).startsWith("fan parallel");
    }

    /**
     * A branch waiting on a callback is stopped at once when a sibling fails: its callback is failed (a late
     * completion is rejected), the step is CANCELLED, and the parallel step does not wait for the callback timeout.
     */
    @Test
    void aFailingBranchStopsASiblingWaitingOnACallback() throws Exception {
        java.util.concurrent.BlockingQueue<String> tokens = new java.util.concurrent.LinkedBlockingQueue<>();
        String ask = handler("s6-ask", (in, c) -> {
            tokens.add((String) ((Map<?, ?>) in).get("token"));
            return "asked";
        });
        String fail = handler("s6-fail", (in, c) -> {
            tokens.poll(10, TimeUnit.SECONDS);
            throw new StepFailure("Branch.Broke", "after the sibling asked");
        });
        WorkflowDefinition definition = WorkflowDefinition.builder("stop-callback", 1).startAt("fan")
                .parallel("fan", p -> p.catching(new CatchRule(List.of("Branch.Broke"), "$.broke", "done"))
                        .branch(b -> b.startAt("approve").awaitCallback("approve", ask, Duration.ofSeconds(120), c -> { }))
                        .branch(b -> b.startAt("boom").task("boom", fail, t -> { })))
                .succeed("done").build();
        stack.handlers().register(HandlerDefinition.of("s6-token-spy", Object.class, Object.class, (in, c) -> in));
        long started = System.nanoTime();
        WorkflowRun run = run(definition, "stop-cb-1", "{}");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(lines("stop-cb-1")).contains("fan/0/approve awaitCallback CANCELLED 1",
                "fan/1/boom task FAILED 1 Branch.Broke", "fan parallel CAUGHT 1 Branch.Broke");
    }

    /** A fatal error in a branch ends the run at once, uncaught: the parallel step is CANCELLED, nothing compensates. */
    @Test
    void fatalErrorInABranchEndsTheRun() throws Exception {
        AtomicInteger undone = new AtomicInteger();
        String ok = handler("s2-ok", (in, c) -> "ok");
        String undo = handler("s2-undo", (in, c) -> undone.incrementAndGet());
        WorkflowDefinition definition = WorkflowDefinition.builder("fatal-branch", 1).startAt("pay")
                .task("pay", ok, t -> t.resultPath("$.paid").compensateWith(undo).next("fan"))
                .parallel("fan", p -> p.catching(CatchRule.any("$.error", "done"))
                        .branch(b -> b.startAt("bad").task("bad", ok, t -> t.inputPath("$.missing")))
                        .branch(b -> b.startAt("fine").task("fine", ok, t -> { })))
                .succeed("done").build();
        WorkflowRun run = run(definition, "fatal-1", "{}");
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).contains(WorkflowErrors.DATA_ERROR);
        assertThat(undone).hasValue(0);
        assertThat(lines("fatal-1")).contains("fan parallel CANCELLED 1", "fan/0/bad task FAILED 0 " + WorkflowErrors.DATA_ERROR);
    }

    /**
     * Full jitter and two retry rules: each error is retried by its own rule, the attempts add up on the step, and
     * all three attempts are one invocation.
     */
    @Test
    void jitteredAndSeveralRetryRules() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        List<String> invocations = new java.util.concurrent.CopyOnWriteArrayList<>();
        String flaky = handler("s3-flaky", (in, c) -> {
            int call = calls.incrementAndGet();
            invocations.add(c.invocationId());
            if (call <= 2) {
                throw new StepFailure(call == 1 ? "Busy" : "Gone", "attempt " + call);
            }
            return Map.of("attempt", c.attempt(), "invocation", c.invocationId());
        });
        WorkflowDefinition definition = WorkflowDefinition.builder("jitter", 1).startAt("work")
                .task("work", flaky, t -> t.resultPath("$.out")
                        .retry(RetryRule.on(List.of("Busy"), 2, Duration.ofSeconds(1), 2.0).withJitter(1.0))
                        .retry(RetryRule.on(List.of("Gone"), 2, Duration.ofSeconds(1), 1.0)))
                .build();
        WorkflowRun run = run(definition, "jitter-1", "{}");
        assertThat(run.status()).as("%s %s", run.error(), run.cause()).isEqualTo(RunStatus.SUCCEEDED);
        Map<?, ?> out = (Map<?, ?>) stack.codec().decode(run.output().orElseThrow(), Map.class).get("out");
        assertThat(out.get("attempt")).isEqualTo(3);
        assertThat(invocations).as("one invocation id for the step's three attempts").hasSize(3)
                .containsOnly((String) out.get("invocation"));
        assertThat((String) out.get("invocation")).startsWith("jitter-1/work@n");
        assertThat(lines("jitter-1")).containsExactly("work task SUCCEEDED 3");
    }

    /** An input whose offloaded form does not fit Workflows' 32 KB argument is stored and fetched by the workflow. */
    @Test
    void inputOverTheArgumentLimitIsFetched() throws Exception {
        String echo = handler("s4-echo", (in, c) -> ((Map<?, ?>) in).get("pad").toString().length());
        WorkflowDefinition definition = WorkflowDefinition.builder("big-input", 1).startAt("measure")
                .task("measure", echo, t -> t.resultPath("$.length")).build();
        String pad = "x".repeat(32_700);
        WorkflowRun run = run(definition, "big-1", "{\"pad\":\"" + pad + "\"}");
        assertThat(run.status()).as("%s %s", run.error(), run.cause()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(stack.codec().decode(run.output().orElseThrow(), Map.class)).containsEntry("length", 32_700);
    }

    /** A compensation that keeps failing is tried three times, recorded FAILED, and the older ones still run. */
    @Test
    void failingCompensationIsRecordedAndTheRestRun() throws Exception {
        AtomicInteger firstUndone = new AtomicInteger();
        String ok = handler("s5-ok", (in, c) -> "ok");
        String undoFirst = handler("s5-undo-first", (in, c) -> firstUndone.incrementAndGet());
        String undoSecond = handler("s5-undo-second", (in, c) -> {
            throw new IllegalStateException("cannot undo");
        });
        String fail = handler("s5-fail", (in, c) -> {
            throw new StepFailure("Ship.Failed", "no truck");
        });
        WorkflowDefinition definition = WorkflowDefinition.builder("saga-failing-undo", 1).startAt("first")
                .task("first", ok, t -> t.resultPath("$.a").compensateWith(undoFirst).next("second"))
                .task("second", ok, t -> t.resultPath("$.b").compensateWith(undoSecond).next("ship"))
                .task("ship", fail, t -> { }).build();
        WorkflowRun run = run(definition, "undo-1", "{}");
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).contains("Ship.Failed");
        assertThat(firstUndone).hasValue(1);
        assertThat(lines("undo-1")).containsExactly("first task SUCCEEDED 1", "second task SUCCEEDED 1",
                "ship task FAILED 1 Ship.Failed", "second compensation FAILED 3 java.lang.IllegalStateException",
                "first compensation SUCCEEDED 1");
    }

    /** A wait on a path that holds no timestamp string fails the run with the fatal DataError. */
    @Test
    void waitOnABadPathIsADataError() throws Exception {
        WorkflowDefinition definition = WorkflowDefinition.builder("bad-wait", 1).startAt("hold")
                .waitUntilPath("hold", "$.at", "done").succeed("done").build();
        WorkflowRun run = run(definition, "wait-1", "{\"at\": 12}");
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).contains(WorkflowErrors.DATA_ERROR);
        assertThat(lines("wait-1")).containsExactly("hold wait FAILED 1 " + WorkflowErrors.DATA_ERROR);
    }

    /** History entries carry the step's kind and its start before its end, including waits recorded before sleeping. */
    @Test
    void waitsAreRecordedBeforeTheySleep() throws Exception {
        WorkflowDefinition definition = WorkflowDefinition.builder("recorded-wait", 1).startAt("hold")
                .waitFor("hold", Duration.ofSeconds(30), "done").succeed("done").build();
        stack.workflows().register(definition);
        stack.workflows().start(definition.name(), "wait-2", "{}".getBytes(StandardCharsets.UTF_8));
        List<StepExecution> history = List.of();
        for (int i = 0; i < 200 && history.isEmpty(); i++) {
            Thread.sleep(50);
            history = stack.workflows().history("wait-2");
        }
        assertThat(history).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("wait");
            assertThat(e.outcome()).isEqualTo(StepExecution.Outcome.RUNNING);
        });
        stack.workflows().cancel("wait-2", "test over");
        assertThat(lines("wait-2")).containsExactly("hold wait CANCELLED 1");
    }
}
