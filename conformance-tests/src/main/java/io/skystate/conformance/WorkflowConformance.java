package io.skystate.conformance;

import static io.skystate.api.workflow.ChoiceCondition.and;
import static io.skystate.api.workflow.ChoiceCondition.booleanEquals;
import static io.skystate.api.workflow.ChoiceCondition.isPresent;
import static io.skystate.api.workflow.ChoiceCondition.not;
import static io.skystate.api.workflow.ChoiceCondition.numeric;
import static io.skystate.api.workflow.ChoiceCondition.or;
import static io.skystate.api.workflow.ChoiceCondition.stringEquals;
import static io.skystate.conformance.WorkflowFixtures.SECOND;
import static io.skystate.conformance.WorkflowFixtures.awaitSucceeded;
import static io.skystate.conformance.WorkflowFixtures.constant;
import static io.skystate.conformance.WorkflowFixtures.function;
import static io.skystate.conformance.WorkflowFixtures.instanceId;
import static io.skystate.conformance.WorkflowFixtures.json;
import static io.skystate.conformance.WorkflowFixtures.member;
import static io.skystate.conformance.WorkflowFixtures.output;
import static io.skystate.conformance.WorkflowFixtures.tree;
import static io.skystate.conformance.WorkflowFixtures.workflowName;
import static org.assertj.core.api.Assertions.assertThat;

import io.skystate.api.AlreadyExistsException;
import io.skystate.api.Skystate;
import io.skystate.api.workflow.ChoiceCondition;
import io.skystate.api.workflow.ChoiceCondition.Operator;
import io.skystate.api.workflow.StepExecution;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.api.workflow.WorkflowRun;
import io.skystate.api.workflow.Workflows;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.assertj.core.api.Assertions;

/**
 * Workflow basics: data passing between tasks, choice conditions, parallel branches, waits, loops and idempotent
 * starts. Errors are in {@link WorkflowErrorConformance}, callbacks in {@link WorkflowCallbackConformance}, validation,
 * versions and history in {@link WorkflowDefinitionConformance}, load and restarts in {@link WorkflowScaleConformance}.
 */
public class WorkflowConformance extends ConformanceSuite {
    /** Choice routes of wf02, in rule order: label and condition (each reads its own path). */
    private static final List<Map.Entry<String, ChoiceCondition>> ROUTES = List.of(
            Map.entry("sEq", stringEquals("$.s1", "apple")),
            Map.entry("sLt", new ChoiceCondition.Compare("$.s2", Operator.LT, "b")),
            Map.entry("sCodePoint", new ChoiceCondition.Compare("$.s3", Operator.GT, "\uffef")),
            Map.entry("nEq", numeric("$.n1", Operator.EQ, 10)),
            Map.entry("nLt", numeric("$.n2", Operator.LT, 10)),
            Map.entry("nLe", numeric("$.n3", Operator.LE, 10)),
            Map.entry("nGt", numeric("$.n4", Operator.GT, 10)),
            Map.entry("nGe", numeric("$.n5", Operator.GE, 10.5)),
            Map.entry("bool", booleanEquals("$.b", true)),
            Map.entry("present", isPresent("$.p")),
            Map.entry("absent", and(isPresent("$.abs.marker"), new ChoiceCondition.IsPresent("$.abs.gone", false))),
            Map.entry("and", and(numeric("$.a.x", Operator.GT, 0), stringEquals("$.a.y", "y"))),
            Map.entry("or", or(stringEquals("$.o", "x"), numeric("$.o", Operator.EQ, 1))),
            Map.entry("not", not(stringEquals("$.q", "no"))));

    /** wf02 inputs and the route each must take ("" = the choice's otherwise). */
    private static final Map<String, String> CASES = cases(
            "{\"s1\":\"apple\"}", "sEq", "{\"s1\":\"Apple\"}", "not",
            "{\"s2\":\"B\"}", "sLt", "{\"s2\":\"a\u00ff\"}", "sLt", "{\"s2\":\"\u00e9\"}", "not",
            "{\"s3\":\"\\ud83d\\ude00\"}", "sCodePoint", "{\"s3\":\"\uffe0\"}", "not",
            "{\"n1\":10}", "nEq", "{\"n1\":10.0}", "nEq", "{\"n1\":\"10\"}", "not",
            "{\"n2\":9.99}", "nLt", "{\"n2\":10}", "not", "{\"n3\":10}", "nLe", "{\"n3\":10.01}", "not",
            "{\"n4\":10.5}", "nGt", "{\"n4\":10}", "not", "{\"n4\":100000000000000000000001}", "nGt",
            "{\"n5\":10.5}", "nGe", "{\"n5\":10.49}", "not",
            "{\"b\":true}", "bool", "{\"b\":false}", "not", "{\"b\":\"true\"}", "not",
            "{\"p\":null}", "present", "{\"abs\":{\"marker\":1}}", "absent", "{\"abs\":{\"marker\":1,\"gone\":0}}", "not",
            "{\"a\":{\"x\":1,\"y\":\"y\"}}", "and", "{\"a\":{\"x\":0,\"y\":\"y\"}}", "not",
            "{\"o\":\"x\"}", "or", "{\"o\":1}", "or", "{\"o\":2}", "not", "{}", "not", "{\"q\":\"no\"}", "");

    private static Map<String, String> cases(String... pairs) {
        Map<String, String> cases = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            cases.put(pairs[i], pairs[i + 1]);
        }
        return cases;
    }

    protected final Workflows workflows() {
        return skystate().workflows();
    }

    /**
     * Three tasks pass data: each handler receives exactly the data at its inputPath, its result is written at its
     * resultPath ({@code $} replaces the document), and the run's output is the final document. On failure compare
     * what each handler saw (printed) with the document the previous steps should have built.
     */
    @ConformanceRule
    public final void wf01_sequencePassesData() throws Exception {
        Skystate s = skystate();
        Map<String, Object> seen = new ConcurrentHashMap<>();
        String reserve = function(s, in -> {
            seen.put("reserve", tree(s, in));
            return Map.of("id", "R-" + member(in, "sku"), "qty", member(in, "qty"));
        });
        String charge = function(s, in -> {
            seen.put("charge", tree(s, in));
            return Map.of("amount", ((Number) in).longValue() * 250);
        });
        String ship = function(s, in -> {
            seen.put("ship", tree(s, in));
            return Map.of("shipped", true, "amount", member(member(in, "charge"), "amount"),
                    "sku", member(member(in, "order"), "sku"));
        });
        WorkflowDefinition definition = workflows().register(WorkflowDefinition.builder(workflowName(), 1)
                .startAt("reserve")
                .task("reserve", reserve, t -> t.inputPath("$.order").resultPath("$.reserved").next("charge"))
                .task("charge", charge, t -> t.inputPath("$.reserved.qty").resultPath("$.charge").next("ship"))
                .task("ship", ship, t -> t.inputPath("$").resultPath("$"))
                .build());
        String id = instanceId();
        WorkflowRun started = workflows().start(definition.name(), id,
                json("{\"order\":{\"sku\":\"A-1\",\"qty\":3},\"customer\":\"c-\u00fc\"}"));
        assertThat(started.instanceId()).isEqualTo(id);
        assertThat(started.workflow()).isEqualTo(definition.name());
        WorkflowRun run = awaitSucceeded(workflows(), id);
        assertThat(seen).as("inputs seen by the handlers").containsEntry("reserve",
                JsonTree.parse("{\"sku\":\"A-1\",\"qty\":3}")).containsEntry("charge", JsonTree.parse("3"))
                .containsEntry("ship", JsonTree.parse("{\"order\":{\"sku\":\"A-1\",\"qty\":3},\"customer\":\"c-\u00fc\","
                        + "\"reserved\":{\"id\":\"R-A-1\",\"qty\":3},\"charge\":{\"amount\":750}}"));
        JsonTree.assertSameJson(run.output().orElseThrow(), "{\"shipped\":true,\"amount\":750,\"sku\":\"A-1\"}");
        assertThat(run.version()).isEqualTo(1);
        assertThat(run.error()).isEmpty();
        assertThat(run.endedAt()).hasValueSatisfying(end -> assertThat(end).isAfterOrEqualTo(run.startedAt()));
    }

    /**
     * A choice takes the first rule that holds: string equality and ordering by code point, every numeric operator
     * (exact, typed: "10" is not 10), boolean equality, isPresent (true for JSON null, and its negation), and/or/not,
     * otherwise when none holds; a comparison on an absent path is false. On failure the message names the input
     * and the route it took: check the operator's semantics in {@link ChoiceCondition}.
     */
    @ConformanceRule
    public final void wf02_choiceComparisons() throws Exception {
        Skystate s = skystate();
        WorkflowDefinition.Builder builder = WorkflowDefinition.builder(workflowName(), 1).startAt("route")
                .choice("route", c -> {
                    ROUTES.forEach(r -> c.when(r.getValue(), "to_" + r.getKey()));
                    c.otherwise("fallback");
                })
                .succeed("fallback").succeed("end");
        for (Map.Entry<String, ChoiceCondition> route : ROUTES) {
            String label = constant(s, route.getKey());
            builder.task("to_" + route.getKey(), label, t -> t.resultPath("$.route").next("end"));
        }
        WorkflowDefinition definition = workflows().register(builder.build());
        Map<String, String> ids = new LinkedHashMap<>();
        CASES.keySet().forEach(input -> ids.put(input, workflows().start(definition.name(), instanceId(), json(input))
                .instanceId()));
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, String> c : CASES.entrySet()) {
            Object out = output(awaitSucceeded(workflows(), ids.get(c.getKey())));
            Object route = member(out, "route");
            if (!(c.getValue().isEmpty() ? route == null : c.getValue().equals(route))) {
                wrong.add(c.getKey() + " took " + route + ", expected " + (c.getValue().isEmpty() ? "otherwise" : c.getValue()));
            }
            if (c.getValue().isEmpty()) {
                assertThat(out).isEqualTo(JsonTree.parse(c.getKey()));
            }
        }
        assertThat(wrong).as("inputs routed wrongly").isEmpty();
    }

    /**
     * A parallel step runs every branch on the same input and writes their outputs at its resultPath as an array in
     * branch order (not completion order: branch 0 is the slowest); a branch may chain steps and a Succeed branch
     * outputs its input. Check the join and the branch-scoped data if it fails.
     */
    @ConformanceRule
    public final void wf03_parallelCollectsBranchesInOrder() throws Exception {
        Skystate s = skystate();
        Map<String, Object> seen = new ConcurrentHashMap<>();
        String slow = function(s, in -> {
            Poll.sleep(Duration.ofMillis(500));
            seen.put("b0", tree(s, in));
            return Map.of("branch", 0, "x", member(in, "x"));
        });
        String first = function(s, in -> {
            seen.put("b1a", tree(s, in));
            return Map.of("branch", 1, "x", member(in, "x"));
        });
        String second = function(s, in -> Map.of("fromMid", member(in, "branch")));
        String count = function(s, in -> ((List<?>) in).size());
        WorkflowDefinition definition = workflows().register(WorkflowDefinition.builder(workflowName(), 1)
                .startAt("fan")
                .parallel("fan", p -> p.resultPath("$.results").next("after")
                        .branch(b -> b.startAt("b0").task("b0", slow, t -> { }))
                        .branch(b -> b.startAt("b1a").task("b1a", first, t -> t.resultPath("$.mid").next("b1b"))
                                .task("b1b", second, t -> t.inputPath("$.mid").resultPath("$")))
                        .branch(b -> b.startAt("b2").succeed("b2")))
                .task("after", count, t -> t.inputPath("$.results").resultPath("$.count"))
                .build());
        String id = instanceId();
        workflows().start(definition.name(), id, json("{\"x\":7,\"tag\":\"t\"}"));
        WorkflowRun run = awaitSucceeded(workflows(), id);
        JsonTree.assertSameJson(run.output().orElseThrow(), "{\"x\":7,\"tag\":\"t\",\"results\":[{\"branch\":0,\"x\":7},"
                + "{\"fromMid\":1},{\"x\":7,\"tag\":\"t\"}],\"count\":3}");
        assertThat(seen.get("b0")).as("branch inputs").isEqualTo(JsonTree.parse("{\"x\":7,\"tag\":\"t\"}"))
                .isEqualTo(seen.get("b1a"));
    }

    /** A wait of 1 s separates the end of one task from the start of the next by at least 1 s (handler clocks). */
    @ConformanceRule
    public final void wf04_waitDuration() throws Exception {
        Skystate s = skystate();
        List<Long> stamps = java.util.Collections.synchronizedList(new ArrayList<>());
        String stamp = function(s, in -> {
            stamps.add(System.currentTimeMillis());
            return stamps.size();
        });
        WorkflowDefinition definition = workflows().register(WorkflowDefinition.builder(workflowName(), 1)
                .startAt("before").task("before", stamp, t -> t.resultPath("$.before").next("pause"))
                .waitFor("pause", SECOND, "after").task("after", stamp, t -> t.resultPath("$.after")).build());
        String id = instanceId();
        workflows().start(definition.name(), id, json("{}"));
        awaitSucceeded(workflows(), id);
        assertThat(stamps).hasSize(2);
        assertThat(stamps.get(1) - stamps.get(0)).as("ms between the tasks around a 1 s wait")
                .isBetween(1000L, 20_000L);
    }

    /** A wait on untilPath resumes no earlier than the ISO-8601 instant found in the data, which is left in place. */
    @ConformanceRule
    public final void wf05_waitUntilPath() throws Exception {
        Skystate s = skystate();
        AtomicLong resumed = new AtomicLong();
        String stamp = function(s, in -> resumed.getAndSet(System.currentTimeMillis()));
        WorkflowDefinition definition = workflows().register(WorkflowDefinition.builder(workflowName(), 1)
                .startAt("hold").waitUntilPath("hold", "$.at", "after")
                .task("after", stamp, t -> t.resultPath("$.done")).build());
        Instant at = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        String id = instanceId();
        workflows().start(definition.name(), id, json("{\"at\":\"" + at + "\"}"));
        WorkflowRun run = awaitSucceeded(workflows(), id);
        assertThat(Instant.ofEpochMilli(resumed.get())).as("resumed vs %s", at).isAfterOrEqualTo(at)
                .isBefore(at.plusSeconds(20));
        assertThat(member(output(run), "at")).isEqualTo(at.toString());
    }

    /**
     * A choice looping back to a task runs it until {@code $.n >= 5}: the run ends with n == 5, and the history has
     * five task executions of the step (one entry per visit).
     */
    @ConformanceRule
    public final void wf06_loopViaChoice() throws Exception {
        Skystate s = skystate();
        String increment = function(s, in -> new BigDecimal(in.toString()).add(BigDecimal.ONE));
        WorkflowDefinition definition = workflows().register(WorkflowDefinition.builder(workflowName(), 1)
                .startAt("inc").task("inc", increment, t -> t.inputPath("$.n").resultPath("$.n").next("check"))
                .choice("check", c -> c.when(numeric("$.n", Operator.GE, 5), "done").otherwise("inc"))
                .succeed("done").build());
        String id = instanceId();
        workflows().start(definition.name(), id, json("{\"n\":0}"));
        JsonTree.assertSameJson(awaitSucceeded(workflows(), id).output().orElseThrow(), "{\"n\":5}");
        List<StepExecution> history = workflows().history(id);
        assertThat(WorkflowFixtures.at(history, "inc")).as("history %s", history).hasSize(5)
                .allSatisfy(e -> assertThat(e.kind()).isEqualTo("task"));
        assertThat(WorkflowFixtures.at(history, "check")).hasSize(5);
    }

    /**
     * start is idempotent on the instance id: the same id and input (while running and after it finished) return the
     * one run and the handler runs once; the same id with another input raises AlreadyExistsException.
     */
    @ConformanceRule
    public final void wf07_idempotentStart() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        String slow = function(skystate(), in -> {
            Poll.sleep(Duration.ofMillis(300));
            return calls.incrementAndGet();
        });
        WorkflowDefinition definition = workflows().register(WorkflowDefinition.builder(workflowName(), 1)
                .startAt("once").task("once", slow, t -> t.resultPath("$.calls")).build());
        String id = instanceId();
        byte[] input = json("{\"order\":42}");
        WorkflowRun first = workflows().start(definition.name(), id, input);
        WorkflowRun again = workflows().start(definition.name(), id, input);
        assertThat(again.instanceId()).isEqualTo(id);
        assertThat(again.startedAt()).isEqualTo(first.startedAt());
        awaitSucceeded(workflows(), id);
        WorkflowRun late = workflows().start(definition.name(), id, input);
        assertThat(late.status().finished()).as("start after the end returns the finished run").isTrue();
        JsonTree.assertSameJson(workflows().run(id).output().orElseThrow(), "{\"order\":42,\"calls\":1}");
        Assertions.assertThatThrownBy(() -> workflows().start(definition.name(), id, json("{\"order\":43}")))
                .isInstanceOf(AlreadyExistsException.class);
        assertThat(calls).as("handler invocations").hasValue(1);
    }
}
