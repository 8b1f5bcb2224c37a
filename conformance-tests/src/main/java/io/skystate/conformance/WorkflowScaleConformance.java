package io.skystate.conformance;

import static io.skystate.conformance.WorkflowFixtures.assertStatus;
import static io.skystate.conformance.WorkflowFixtures.awaitSucceeded;
import static io.skystate.conformance.WorkflowFixtures.function;
import static io.skystate.conformance.WorkflowFixtures.instanceId;
import static io.skystate.conformance.WorkflowFixtures.json;
import static io.skystate.conformance.WorkflowFixtures.member;
import static io.skystate.conformance.WorkflowFixtures.number;
import static io.skystate.conformance.WorkflowFixtures.output;
import static io.skystate.conformance.WorkflowFixtures.sha256;
import static io.skystate.conformance.WorkflowFixtures.workflowName;
import static org.assertj.core.api.Assertions.assertThat;

import io.skystate.api.Capability;
import io.skystate.api.Skystate;
import io.skystate.api.handler.HandlerDefinition;
import io.skystate.api.workflow.ChoiceCondition;
import io.skystate.api.workflow.RunStatus;
import io.skystate.api.workflow.StepExecution;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.api.workflow.WorkflowRun;
import io.skystate.api.workflow.Workflows;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Workflows under load and across restarts: many concurrent runs, results far above orchestrator payload limits
 * (claim check), and durable runs resuming after the instance is closed and reopened
 * ({@link Capability#DURABLE_WORKFLOWS}, through {@link ConformanceTarget#openDurable()} and
 * {@link ConformanceTarget#reopen(Skystate)}).
 */
public class WorkflowScaleConformance extends ConformanceSuite {
    private static final int CONCURRENT_RUNS = 200;
    private static final Duration CONCURRENT_LIMIT = Duration.ofSeconds(100);
    private static final int BIG_CHARS = 1_000_000;
    private static final int DURABLE_RUNS = 20;

    protected final Workflows workflows() {
        return skystate().workflows();
    }

    /**
     * 200 runs of a 3-task workflow started concurrently all SUCCEED within 100 s, each with its own correct output
     * (no data crosses runs). On failure the message lists the first runs that went wrong.
     */
    @ConformanceRule
    public final void wfscale01_concurrentRuns() throws Exception {
        Skystate s = skystate();
        String add = function(s, in -> ((Number) in).longValue() + 1);
        String twice = function(s, in -> ((Number) in).longValue() * 2);
        String label = function(s, in -> member(in, "id") + ":" + member(in, "z"));
        WorkflowDefinition definition = workflows().register(WorkflowDefinition.builder(workflowName(), 1)
                .startAt("add").task("add", add, t -> t.inputPath("$.x").resultPath("$.y").next("twice"))
                .task("twice", twice, t -> t.inputPath("$.y").resultPath("$.z").next("label"))
                .task("label", label, t -> t.resultPath("$.label")).build());
        long deadline = System.nanoTime() + CONCURRENT_LIMIT.toNanos();
        List<String> ids = new ArrayList<>();
        ExecutorService starters = Executors.newFixedThreadPool(8);
        try {
            List<Future<WorkflowRun>> starts = new ArrayList<>();
            for (int i = 0; i < CONCURRENT_RUNS; i++) {
                String id = instanceId();
                ids.add(id);
                byte[] input = json("{\"id\":\"" + id + "\",\"x\":" + i + "}");
                starts.add(starters.submit(() -> workflows().start(definition.name(), id, input)));
            }
            for (Future<WorkflowRun> start : starts) {
                start.get(60, TimeUnit.SECONDS);
            }
        } finally {
            starters.shutdownNow();
        }
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < CONCURRENT_RUNS; i++) {
            String id = ids.get(i);
            WorkflowRun run = workflows().await(id, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            String expected = "{\"id\":\"" + id + "\",\"x\":" + i + ",\"y\":" + (i + 1) + ",\"z\":" + 2 * (i + 1)
                    + ",\"label\":\"" + id + ":" + 2 * (i + 1) + "\"}";
            if (run.status() != RunStatus.SUCCEEDED) {
                wrong.add(id + " " + run.status() + " " + run.error().orElse("") + " " + run.cause().orElse(""));
            } else if (!output(run).equals(JsonTree.parse(expected))) {
                wrong.add(id + " output " + new String(run.output().orElseThrow(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        assertThat(wrong).as("runs not SUCCEEDED with the right output within %s (first 5: %s)", CONCURRENT_LIMIT,
                wrong.stream().limit(5).toList()).isEmpty();
    }

    /**
     * A step result of 1,000,000 characters (with quotes, backslashes, newlines and non-ASCII) reaches the next step
     * intact (length and SHA-256 checked inside the handler) and is in the run's output; adapters pass it by claim
     * check, invisibly to handlers. A mismatch points at the claim-check offload or resolve.
     */
    @ConformanceRule
    public final void wfscale02_megabyteResult() throws Exception {
        Skystate s = skystate();
        String big = bigText();
        String produce = function(s, in -> Map.of("blob", big, "note", "1 MB"));
        String check = function(s, in -> measure(member(in, "blob")));
        WorkflowDefinition definition = workflows().register(WorkflowDefinition.builder(workflowName(), 1)
                .startAt("produce").task("produce", produce, t -> t.resultPath("$.big").next("check"))
                .task("check", check, t -> t.inputPath("$.big").resultPath("$.check")).build());
        String id = instanceId();
        workflows().start(definition.name(), id, json("{\"order\":1}"));
        Object out = output(awaitSucceeded(workflows(), id));
        assertThat(member(out, "check")).as("what the second step received").isEqualTo(measure(big));
        assertThat(measure(member(member(out, "big"), "blob"))).as("the blob in the output").isEqualTo(measure(big));
        assertThat(member(out, "order")).isEqualTo(number(1));
    }

    /**
     * Paths reach the small parts of a large result: a result of a 1 MB string and a short note keeps the note in
     * the document (only the string moves to the claim store), a step whose inputPath selects the string receives
     * its content, and a resultPath inside the large result adds to it without losing the rest. A DataError
     * ("selects nothing") or a {@code $claim} member in the output means the whole result was moved, or a
     * reference reached a handler or the caller.
     */
    @ConformanceRule
    public final void wfscale03_pathsIntoLargeResult() throws Exception {
        Skystate s = skystate();
        String big = bigText();
        String produce = function(s, in -> Map.of("blob", big, "note", "1 MB"));
        String check = function(s, in -> measure(in));
        WorkflowDefinition definition = workflows().register(WorkflowDefinition.builder(workflowName(), 1)
                .startAt("produce").task("produce", produce, t -> t.resultPath("$.big").next("check"))
                .task("check", check, t -> t.inputPath("$.big.blob").resultPath("$.big.measured")).build());
        String id = instanceId();
        workflows().start(definition.name(), id, json("{\"order\":1}"));
        Object out = output(awaitSucceeded(workflows(), id));
        Object result = member(out, "big");
        assertThat(member(result, "measured")).as("what the second step received").isEqualTo(measure(big));
        assertThat(measure(member(result, "blob"))).as("the blob in the output").isEqualTo(measure(big));
        assertThat(member(result, "note")).isEqualTo("1 MB");
        assertThat(((Map<?, ?>) result).keySet()).as("members of the large result").isEqualTo(java.util.Set.of("blob", "note", "measured"));
    }

    /**
     * Paths and choices never look inside a moved value: a result holding a list of 5,000 short strings (too many
     * members to move one by one, so the list moves whole) and a note keeps the note; a choice on
     * {@code isPresent($.big.items[0])} is false, because the choice sees the claim-check reference where the list
     * was (as Step Functions does), while {@code isPresent($.big.items)} holds. The output has the whole list back.
     */
    @ConformanceRule
    public final void wfscale05_choicesSeeReferencesToMovedValues() throws Exception {
        Skystate s = skystate();
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            items.add("item-" + i);
        }
        String produce = function(s, in -> Map.of("items", items, "note", "5,000 items"));
        WorkflowDefinition definition = workflows().register(WorkflowDefinition.builder(workflowName(), 1)
                .startAt("produce").task("produce", produce, t -> t.resultPath("$.big").next("route"))
                .choice("route", c -> c.when(ChoiceCondition.isPresent("$.big.items[0]"), "inside")
                        .when(ChoiceCondition.isPresent("$.big.items"), "moved").otherwise("absent"))
                .fail("inside", "Wrong.Inside", "the choice looked inside a moved value")
                .succeed("moved")
                .fail("absent", "Wrong.Absent", "the moved value was not present").build());
        String id = instanceId();
        workflows().start(definition.name(), id, json("{}"));
        Object out = output(awaitSucceeded(workflows(), id));
        List<?> listed = (List<?>) member(member(out, "big"), "items");
        assertThat(listed).hasSize(5_000);
        assertThat(listed.get(0)).isEqualTo("item-0");
        assertThat(member(member(out, "big"), "note")).isEqualTo("5,000 items");
    }

    /** Length and SHA-256 of a string, as a JSON tree the way {@link JsonTree} reads it. */
    private static Map<String, Object> measure(Object text) {
        assertThat(text).as("a string").isInstanceOf(String.class);
        return Map.of("length", number(((String) text).length()), "sha256", sha256((String) text));
    }

    private static String bigText() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789 \"\\\n\u00fc\u20ac";
        Random random = new Random(42);
        StringBuilder text = new StringBuilder(BIG_CHARS);
        for (int i = 0; i < BIG_CHARS; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    /**
     * Durable runs survive a restart: 20 runs of task → 2 s wait → task are started on {@link
     * ConformanceTarget#openDurable()}; once every first task has completed the instance is closed and reopened with
     * {@link ConformanceTarget#reopen(Skystate)} (handlers and definition registered again, handlers first); all 20
     * SUCCEED, and each first task ran exactly once (completed steps are not replayed). Needs
     * {@link Capability#DURABLE_WORKFLOWS} on the durable instance; reported as a capability gap otherwise.
     */
    @ConformanceRule
    public final void wfscale04_restartResumesRuns() throws Exception {
        Skystate durable;
        try {
            durable = target().openDurable();
        } catch (UnsupportedOperationException e) {
            Assumptions.abort(capabilityGapReason(Capability.DURABLE_WORKFLOWS));
            return;
        }
        Skystate current = durable;
        try {
            Assumptions.assumeTrue(durable.capabilities().has(Capability.DURABLE_WORKFLOWS),
                    capabilityGapReason(Capability.DURABLE_WORKFLOWS));
            Map<String, Integer> firstRuns = new ConcurrentHashMap<>();
            Map<String, Integer> secondRuns = new ConcurrentHashMap<>();
            String first = unique("first");
            String second = unique("second");
            WorkflowDefinition definition = WorkflowDefinition.builder(workflowName(), 1).startAt("first")
                    .task("first", first, t -> t.inputPath("$.id").resultPath("$.first").next("pause"))
                    .waitFor("pause", restartPause(), "second")
                    .task("second", second, t -> t.inputPath("$.id").resultPath("$.second")).build();
            prepare(durable, definition, first, second, firstRuns, secondRuns);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < DURABLE_RUNS; i++) {
                String id = instanceId();
                ids.add(id);
                durable.workflows().start(definition.name(), id, json("{\"id\":\"" + id + "\"}"));
            }
            Workflows before = durable.workflows();
            for (String id : ids) {
                List<StepExecution> history = Poll.until(timing().runAwait(), () -> before.history(id),
                        h -> h.stream().anyMatch(e -> e.path().equals("first") && e.endedAt().isPresent()));
                assertThat(history).as("first task of %s completed before the restart", id)
                        .anyMatch(e -> e.path().equals("first") && e.endedAt().isPresent());
            }
            long running = ids.stream().filter(id -> before.run(id).status() == RunStatus.RUNNING).count();
            assertThat(running).as("runs still waiting when the instance is closed").isPositive();
            current = target().reopen(durable);
            prepare(current, definition, first, second, firstRuns, secondRuns);
            for (String id : ids) {
                WorkflowRun run = assertStatus(current.workflows().await(id, timing().runAwait()), RunStatus.SUCCEEDED);
                JsonTree.assertSameJson(run.output().orElseThrow(),
                        "{\"id\":\"" + id + "\",\"first\":\"first:" + id + "\",\"second\":\"second:" + id + "\"}");
            }
            assertThat(firstRuns).as("first-task invocations per run").hasSize(DURABLE_RUNS)
                    .allSatisfy((id, count) -> assertThat(count).as("first task of %s", id).isEqualTo(1));
            assertThat(secondRuns).as("runs whose second task ran").hasSize(DURABLE_RUNS);
        } finally {
            current.close();
        }
    }

    /** Registers the restart rule's handlers, then its definition (which starts the engine). */
    private static void prepare(Skystate skystate, WorkflowDefinition definition, String first, String second,
            Map<String, Integer> firstRuns, Map<String, Integer> secondRuns) {
        skystate.handlers().register(HandlerDefinition.of(first, String.class, String.class, (id, context) -> {
            firstRuns.merge(id, 1, Integer::sum);
            return "first:" + id;
        }));
        skystate.handlers().register(HandlerDefinition.of(second, String.class, String.class, (id, context) -> {
            secondRuns.merge(id, 1, Integer::sum);
            return "second:" + id;
        }));
        skystate.workflows().register(definition);
    }

    /**
     * How long each run of wfscale04 pauses between its tasks: long enough that runs still wait when the instance is
     * closed after all 20 first tasks were seen to end (with 2 s, fast runs on moto had all finished).
     */
    private static Duration restartPause() {
        return Duration.ofSeconds(10);
    }
}
