package io.skystate.core.workflow.doc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.skystate.api.workflow.CatchRule;
import io.skystate.api.workflow.ChoiceCondition;
import io.skystate.api.workflow.ChoiceCondition.Operator;
import io.skystate.api.workflow.InvalidWorkflowException;
import io.skystate.api.workflow.RetryRule;
import io.skystate.api.workflow.Step;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.api.workflow.WorkflowErrors;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkflowDocumentsTest {
    static final String EXAMPLE = """
            name: order
            version: 1
            startAt: reserve
            timeout: PT1H
            steps:
              reserve:
                type: task
                handler: reserveInventory
                inputPath: $
                resultPath: $.reservation
                next: confirm
                timeout: PT30S
                compensateWith: releaseInventory
                retry: [{errors: [Skystate.ALL], maxAttempts: 3, interval: PT1S, backoffRate: 2.0, maxInterval: PT10S, jitter: 0.5}]
                catch: [{errors: [PaymentDeclined], resultPath: $.error, next: bad}]
              confirm:
                type: awaitCallback
                handler: requestPayment
                timeout: PT5M
                heartbeat: PT1M
                next: route
              route:
                type: choice
                rules:
                  - when: {path: $.total, op: gt, number: 100}
                    next: fanout
                  - when: {and: [{path: $.vip, op: eq, boolean: true}, {not: {path: $.blocked, present: true}}]}
                    next: fanout
                  - when: {or: [{path: $.country, op: eq, string: "DE"}, {path: $.rate, op: le, number: 0.1}]}
                    next: pause
                otherwise: done
              fanout:
                type: parallel
                branches:
                  - startAt: a
                    steps: {a: {type: task, handler: h}}
                resultPath: $.results
                next: done
              pause: {type: wait, duration: PT5S, next: done}
              done: {type: succeed}
              bad: {type: fail, error: OrderRejected, cause: "text"}
            """;

    /** Uses every step type, every condition kind, all retry fields, catch, compensation, all waits, nested parallel. */
    static WorkflowDefinition everything() {
        ChoiceCondition all = ChoiceCondition.or(
                new ChoiceCondition.Compare("$.total", Operator.GT, new BigDecimal("100.50")),
                new ChoiceCondition.Compare("$.rate", Operator.LE, new BigDecimal("0.1")),
                new ChoiceCondition.Compare("$.big", Operator.GE, new BigDecimal("1E+2")),
                new ChoiceCondition.Compare("$.pi", Operator.LT, new BigDecimal("-3.14159265358979323846264338327950288")),
                ChoiceCondition.numeric("$.count", Operator.EQ, 7L),
                ChoiceCondition.and(ChoiceCondition.booleanEquals("$.vip", true),
                        ChoiceCondition.not(ChoiceCondition.isPresent("$.blocked"))),
                new ChoiceCondition.IsPresent("$.gone", false),
                ChoiceCondition.stringEquals("$.country", "DE"),
                ChoiceCondition.stringEquals("$.s1", "100"),
                ChoiceCondition.stringEquals("$.s2", "true"),
                ChoiceCondition.stringEquals("$.s3", "null"),
                ChoiceCondition.stringEquals("$.s4", ""),
                ChoiceCondition.stringEquals("$.s5", "a: b # c"),
                ChoiceCondition.stringEquals("$.s6", "- 'quoted' \"x\"\nsecond line"),
                new ChoiceCondition.Compare("$.s7", Operator.LT, "yes"));
        return WorkflowDefinition.builder("everything", 3)
                .timeout(Duration.ofHours(2))
                .startAt("reserve")
                .task("reserve", "reserveInventory", o -> o.resultPath("$.reservation").next("confirm")
                        .timeout(Duration.ofSeconds(30)).compensateWith("releaseInventory")
                        .retry(new RetryRule(List.of(WorkflowErrors.ALL), 3, Duration.ofSeconds(1), 2.5,
                                Optional.of(Duration.ofSeconds(10)), 0.5))
                        .retry(RetryRule.on(List.of("Busy", "Throttled"), 5, Duration.ofMillis(250), 1.0))
                        .catching(new CatchRule(List.of("PaymentDeclined"), "$.error", "bad"))
                        .catching(CatchRule.any("$", "bad")))
                .awaitCallback("confirm", "requestPayment", Duration.ofMinutes(5), o -> o.inputPath("$.order")
                        .resultPath("$.payment").heartbeat(Duration.ofMinutes(1)).next("route")
                        .retry(RetryRule.any(2, Duration.ofSeconds(3))).catching(CatchRule.any("$.err", "bad")))
                .awaitCallback("plainCallback", "h", Duration.ofDays(1), o -> { })
                .awaitEvent("approval", "order.approved", Duration.ofHours(1), o -> o.resultPath("$.approval")
                        .next("route").catching(new CatchRule(List.of(WorkflowErrors.TIMEOUT), "$.late", "bad")))
                .awaitEvent("plainEvent", "x", Duration.ofSeconds(1), o -> { })
                .choice("route", o -> o.when(all, "fanout").when(ChoiceCondition.isPresent("$.x"), "waitUntil"))
                .choice("noOtherwise", o -> o.when(ChoiceCondition.isPresent("$.y"), "done"))
                .parallel("fanout", o -> o.resultPath("$.results").next("waitFor")
                        .retry(RetryRule.any(2, Duration.ofSeconds(1))).catching(CatchRule.any("$.e", "bad"))
                        .branch(b -> b.startAt("a").task("a", "h", x -> x.next("inner")).parallel("inner",
                                p -> p.branch(c -> c.startAt("deep").succeed("deep"))
                                        .branch(c -> c.startAt("x").fail("x", "E", "c"))))
                        .branch(b -> b.startAt("w").waitFor("w", Duration.ofSeconds(1), null)))
                .parallel("emptyParallel", o -> { })
                .waitFor("waitFor", Duration.ofSeconds(5), "waitUntil")
                .waitUntil("waitUntil", Instant.parse("2026-01-01T00:00:00Z"), "waitPath")
                .waitUntilPath("waitPath", "$.when", null)
                .task("odd name: 1", "h", o -> { })
                .succeed("done")
                .fail("bad", "OrderRejected", "it's \"bad\": really")
                .build();
    }

    @Test
    void roundTripsJson() {
        WorkflowDefinition definition = everything();
        String json = WorkflowDocuments.toJson(definition);
        assertThat(json).startsWith("{").contains("\n  \"name\" : \"everything\"");
        assertThat(WorkflowDocuments.parseJson(json)).isEqualTo(definition);
        assertThat(WorkflowDocuments.parse(json)).isEqualTo(definition);
        assertThat(List.copyOf(WorkflowDocuments.parse(json).steps().keySet()))
                .isEqualTo(List.copyOf(definition.steps().keySet()));
    }

    @Test
    void roundTripsYaml() {
        WorkflowDefinition definition = everything();
        String yaml = WorkflowDocuments.toYaml(definition);
        assertThat(yaml).startsWith("name: everything");
        assertThat(WorkflowDocuments.parseYaml(yaml)).isEqualTo(definition);
        assertThat(WorkflowDocuments.parse(yaml)).isEqualTo(definition);
        assertThat(List.copyOf(WorkflowDocuments.parse(yaml).steps().keySet()))
                .isEqualTo(List.copyOf(definition.steps().keySet()));
    }

    @Test
    void writesDefaultsCompactly() {
        WorkflowDefinition definition = WorkflowDefinition.builder("small", 1).startAt("a")
                .task("a", "h", o -> { }).build();
        String yaml = WorkflowDocuments.toYaml(definition);
        assertThat(yaml).doesNotContain("inputPath", "resultPath", "retry", "catch", "next", "timeout");
        assertThat(WorkflowDocuments.parse(yaml)).isEqualTo(definition);
    }

    @Test
    void parsesTheExample() {
        WorkflowDefinition d = WorkflowDocuments.parse(EXAMPLE);
        assertThat(d.name()).isEqualTo("order");
        assertThat(d.version()).isEqualTo(1);
        assertThat(d.timeout()).contains(Duration.ofHours(1));
        assertThat(d.steps().keySet()).containsExactly("reserve", "confirm", "route", "fanout", "pause", "done", "bad");

        Step.Task reserve = (Step.Task) d.steps().get("reserve");
        assertThat(reserve).isEqualTo(new Step.Task("reserve", "reserveInventory", "$", "$.reservation",
                Optional.of("confirm"),
                List.of(new RetryRule(List.of(WorkflowErrors.ALL), 3, Duration.ofSeconds(1), 2.0,
                        Optional.of(Duration.ofSeconds(10)), 0.5)),
                List.of(new CatchRule(List.of("PaymentDeclined"), "$.error", "bad")),
                Optional.of(Duration.ofSeconds(30)), Optional.of("releaseInventory")));

        Step.AwaitCallback confirm = (Step.AwaitCallback) d.steps().get("confirm");
        assertThat(confirm.timeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(confirm.heartbeat()).contains(Duration.ofMinutes(1));
        assertThat(confirm.inputPath()).isEqualTo("$");

        Step.Choice route = (Step.Choice) d.steps().get("route");
        assertThat(route.otherwise()).contains("done");
        assertThat(route.rules().get(0).condition())
                .isEqualTo(new ChoiceCondition.Compare("$.total", Operator.GT, new BigDecimal("100")));
        assertThat(route.rules().get(1).condition()).isEqualTo(ChoiceCondition.and(
                ChoiceCondition.booleanEquals("$.vip", true), ChoiceCondition.not(ChoiceCondition.isPresent("$.blocked"))));
        ChoiceCondition.Or or = (ChoiceCondition.Or) route.rules().get(2).condition();
        assertThat(or.any().get(0)).isEqualTo(ChoiceCondition.stringEquals("$.country", "DE"));
        Object rate = ((ChoiceCondition.Compare) or.any().get(1)).value();
        assertThat(rate).isInstanceOf(BigDecimal.class).isEqualTo(new BigDecimal("0.1"));
        assertThat(((BigDecimal) rate).toString()).isEqualTo("0.1");

        Step.Parallel fanout = (Step.Parallel) d.steps().get("fanout");
        assertThat(fanout.resultPath()).isEqualTo("$.results");
        assertThat(fanout.branches()).containsExactly(new Step.Branch("a", Map.of("a", new Step.Task("a", "h", "$", "$",
                Optional.empty(), List.of(), List.of(), Optional.empty(), Optional.empty()))));
        assertThat(d.steps().get("pause")).isEqualTo(new Step.Wait("pause", Optional.of(Duration.ofSeconds(5)),
                Optional.empty(), Optional.empty(), Optional.of("done")));
        assertThat(d.steps().get("bad")).isEqualTo(new Step.Fail("bad", "OrderRejected", "text"));
    }

    @Test
    void jsonNumbersAreExact() {
        String json = """
                {"name": "n", "version": 2, "startAt": "c", "steps": {"c": {"type": "choice", "rules": [
                  {"when": {"path": "$.a", "op": "eq", "number": 0.10}, "next": "c"},
                  {"when": {"path": "$.b", "op": "eq", "number": 12345678901234567890.000000000000000001}, "next": "c"}]}}}
                """;
        Step.Choice c = (Step.Choice) WorkflowDocuments.parse(json).steps().get("c");
        assertThat(((ChoiceCondition.Compare) c.rules().get(0).condition()).value()).isEqualTo(new BigDecimal("0.10"));
        assertThat(((ChoiceCondition.Compare) c.rules().get(1).condition()).value())
                .isEqualTo(new BigDecimal("12345678901234567890.000000000000000001"));
    }

    @Test
    void reportsEveryProblemAtOnce() {
        String yaml = """
                name: broken
                version: 1
                startAt: charge
                steps:
                  charge: {type: task, next: cb, retyr: []}
                  cb: {type: awaitCallback, handler: h}
                  route:
                    type: choice
                    rules:
                      - when: {path: $.x, op: between, number: 1}
                        next: a
                      - when: {path: $.y}
                        next: a
                  fan: {type: parallel}
                  pause: {type: wait, duration: PT1S, until: 2026-01-01T00:00:00Z}
                  late: {type: wait, until: tomorrow}
                  slow: {type: task, handler: h, timeout: 5 seconds}
                  bad: {type: fail, error: E}
                  what: {type: loop}
                """;
        InvalidWorkflowException e = catchThrowableOfType(InvalidWorkflowException.class, () -> WorkflowDocuments.parse(yaml));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("workflow 'broken' is invalid");
        assertThat(e.problems()).containsExactly(
                "step 'charge': missing 'handler'",
                "step 'charge': unknown field 'retyr' (expected type, handler, inputPath, resultPath, next, timeout, "
                        + "compensateWith, retry, catch)",
                "step 'cb': missing 'timeout'",
                "step 'route': rule 1: unknown operator 'between' (use eq, lt, le, gt, ge)",
                "step 'route': rule 2: missing operand: one of 'string', 'number', 'boolean' (with 'op') or 'present'",
                "step 'route': rule 2: missing 'op'",
                "step 'fan': missing 'branches'",
                "step 'pause': needs exactly one of 'duration', 'until' or 'untilPath'",
                "step 'late': malformed instant 'until': 'tomorrow' (use ISO-8601 UTC, e.g. 2026-01-01T00:00:00Z)",
                "step 'slow': malformed duration 'timeout': '5 seconds' (use ISO-8601, e.g. PT30S)",
                "step 'bad': missing 'cause'",
                "step 'what': unknown type 'loop' (use task, awaitCallback, awaitEvent, choice, parallel, wait, succeed,"
                        + " fail)");
        assertThat(e.problems()).hasSize(12).allMatch(p -> p.startsWith("step '"));
    }

    @Test
    void reportsProblemsInsideBranchesConditionsAndRules() {
        String json = """
                {"version": "one", "startAt": "p", "steps": {
                  "p": {"type": "parallel", "branches": [{"startAt": "x", "steps": {"x": {"type": "task"}}}, {"steps": {}}],
                        "retry": [{"errors": ["E"], "interval": "PT1S"}], "catch": [{"errors": ["E"]}]},
                  "c": {"type": "choice", "rules": [{"when": {"and": []}, "next": "p"},
                        {"when": {"not": {"path": "$.b", "op": "lt", "boolean": true}}, "next": "p"},
                        {"when": {"path": "$.n", "op": "eq", "number": "abc"}}]}}}
                """;
        InvalidWorkflowException e = catchThrowableOfType(InvalidWorkflowException.class, () -> WorkflowDocuments.parse(json));
        assertThat(e.getMessage()).contains("workflow '<unnamed>' is invalid");
        assertThat(e.problems()).containsExactly(
                "workflow: missing 'name'",
                "workflow: 'version' must be an integer, not \"one\"",
                "step 'p': retry 1: missing 'maxAttempts'",
                "step 'p': catch 1: missing 'next'",
                "step 'p': branch 1: step 'x': missing 'handler'",
                "step 'p': branch 2: missing 'startAt'",
                "step 'c': rule 1: 'and' needs at least one condition",
                "step 'c': rule 2: not: booleans compare with 'eq' only, not 'lt'",
                "step 'c': rule 3: 'number' must be a number, not \"abc\"",
                "step 'c': rule 3: missing 'next'");
    }

    @Test
    void reportsMalformedDocuments() {
        assertThat(catchThrowableOfType(InvalidWorkflowException.class, () -> WorkflowDocuments.parse("{\"name\": "))
                .problems()).singleElement().asString().startsWith("document: malformed JSON");
        assertThat(catchThrowableOfType(InvalidWorkflowException.class, () -> WorkflowDocuments.parse("name: [x"))
                .problems()).singleElement().asString().startsWith("document: malformed YAML");
        assertThat(catchThrowableOfType(InvalidWorkflowException.class, () -> WorkflowDocuments.parse("- a\n- b"))
                .problems()).containsExactly("workflow: must be an object");
        assertThat(catchThrowableOfType(InvalidWorkflowException.class, () -> WorkflowDocuments.parse("  "))
                .problems()).containsExactly("document: empty");
        assertThat(catchThrowableOfType(InvalidWorkflowException.class, () -> WorkflowDocuments.parse("name: a\nname: b"))
                .problems()).singleElement().asString().contains("Duplicate field 'name'");
    }

    @Test
    void buildsRecordsDespiteSemanticErrors() {
        WorkflowDefinition d = WorkflowDocuments.parse("""
                name: semantic
                version: 1
                startAt: nowhere
                steps:
                  a: {type: task, handler: h, inputPath: not-a-path, next: missing}
                  orphan: {type: succeed}
                """);
        assertThat(((Step.Task) d.steps().get("a")).inputPath()).isEqualTo("not-a-path");
        assertThat(d.startAt()).isEqualTo("nowhere");
    }
}
