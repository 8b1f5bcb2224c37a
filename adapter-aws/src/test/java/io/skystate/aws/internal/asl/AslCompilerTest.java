package io.skystate.aws.internal.asl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skystate.api.UnsupportedCapabilityException;
import io.skystate.api.workflow.CatchRule;
import io.skystate.api.workflow.ChoiceCondition;
import io.skystate.api.workflow.ChoiceCondition.Operator;
import io.skystate.api.workflow.RetryRule;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.api.workflow.WorkflowErrors;
import io.skystate.examples.ordersaga.OrderWorkflow;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AslCompilerTest {
    private static final String QUEUE = "https://sqs.us-east-1.amazonaws.com/123456789012/tasks";
    private static final String CALLBACKS = "https://sqs.us-east-1.amazonaws.com/123456789012/callbacks";
    private static final AslOptions SQS = AslOptions.sqsWorker(QUEUE, CALLBACKS);
    private static final AslOptions LAMBDA = AslOptions.lambda(h -> "arn:aws:lambda:us-east-1:123456789012:function:" + h.replace("__", "x"));
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static ObjectNode compileValid(String name, WorkflowDefinition definition, AslOptions options) {
        ObjectNode asl = AslCompiler.compile(definition, options);
        AslValidator.Result result = AslValidator.validate(name, asl);
        assertThat(result.valid()).as("asl-validator on %s:%n%s%n%s", name, result.output(), asl.toPrettyString()).isTrue();
        return asl;
    }

    private static JsonNode state(ObjectNode asl, String name) {
        JsonNode state = asl.path("States").path(name);
        assertThat(state.isMissingNode()).as("state %s in %s", name, asl.path("States").fieldNames()).isFalse();
        return state;
    }

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static List<String> names(JsonNode states) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = states.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names;
    }

    @Test
    void taskCompilesToAnSqsWaitForTaskTokenMessageInsideTheDataWrapper() {
        WorkflowDefinition def = WorkflowDefinition.builder("tasks", 1).startAt("first")
                .task("first", "h1", t -> t.inputPath("$.order.items[0]").resultPath("$.out").timeout(Duration.ofSeconds(30)).next("second"))
                .task("second", "h2", t -> { })
                .build();
        ObjectNode asl = compileValid("tasks", def, SQS);

        assertThat(asl.path("StartAt").asText()).isEqualTo(AslRedriveEntry.ENTRY);
        assertThat(state(asl, AslCompiler.START)).isEqualTo(json("""
                {"Type":"Pass","Parameters":{"data.$":"$","run.$":"$$.Execution.Name","comp":{},"blank":{"Error":"","Cause":""}},"Next":"first"}"""));
        assertThat(state(asl, "first")).isEqualTo(json("""
                {"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                 "Parameters":{"QueueUrl":"%s","MessageBody":{"kind":"task","handler":"h1","token.$":"$$.Task.Token",
                   "input.$":"$.data.order.items[0]","execution.$":"$$.Execution.Name","instance.$":"$.run",
                   "step":"first","entered.$":"$$.State.EnteredTime","attempt.$":"$$.State.RetryCount"}},
                 "ResultPath":"$.data.out","TimeoutSeconds":30,"Next":"second"}""".formatted(QUEUE)));
        JsonNode second = state(asl, "second");
        assertThat(second.path("ResultPath").asText()).isEqualTo("$.data");
        assertThat(second.path("Parameters").path("MessageBody").path("input.$").asText()).isEqualTo("$.data");
        assertThat(second.path("TimeoutSeconds").asInt()).isEqualTo(900); // the local engine's default per attempt
        assertThat(second.path("End").asBoolean()).isTrue();
        assertThat(second.path("OutputPath").asText()).isEqualTo("$.data");
        assertThat(second.has("InputPath")).isFalse();
        assertThat(asl.has("TimeoutSeconds")).isFalse();
    }

    @Test
    void retryRulesMapEveryField() {
        WorkflowDefinition def = WorkflowDefinition.builder("retries", 1).startAt("work")
                .task("work", "h", t -> t
                        .retry(RetryRule.on(List.of("Busy", WorkflowErrors.TIMEOUT), 5, Duration.ofSeconds(2), 3.0)
                                .withMaxInterval(Duration.ofSeconds(20)).withJitter(1.0))
                        .retry(RetryRule.on(List.of("Other"), 1, Duration.ofSeconds(1), 1.0))
                        .retry(RetryRule.any(3, Duration.ofSeconds(1)))
                        .retry(RetryRule.on(List.of("Unreachable"), 2, Duration.ofSeconds(1), 2.0)))
                .build();
        ObjectNode asl = compileValid("retries", def, SQS);

        assertThat(state(asl, "work").path("Retry")).isEqualTo(json("""
                [{"ErrorEquals":["Skystate.TransitionLimitExceeded","Skystate.DataError"],"MaxAttempts":0},
                 {"ErrorEquals":["Busy","States.Timeout"],"IntervalSeconds":2,"MaxAttempts":4,"BackoffRate":3.0,
                  "MaxDelaySeconds":20,"JitterStrategy":"FULL"},
                 {"ErrorEquals":["Other"],"IntervalSeconds":1,"MaxAttempts":0,"BackoffRate":1.0},
                 {"ErrorEquals":["States.ALL"],"IntervalSeconds":1,"MaxAttempts":2,"BackoffRate":2.0}]"""));
    }

    @Test
    void catchWritesThePortableErrorShapeThroughGeneratedPassStates() {
        WorkflowDefinition def = WorkflowDefinition.builder("catches", 1).startAt("work")
                .task("work", "h", t -> t
                        .catching(new CatchRule(List.of("Declined"), "$.rejection", "handle"))
                        .catching(new CatchRule(List.of(WorkflowErrors.TIMEOUT), "$", "handle"))
                        .catching(CatchRule.any("$.error", "handle"))
                        .next("handle"))
                .succeed("handle")
                .build();
        ObjectNode asl = compileValid("catches", def, SQS);

        assertThat(state(asl, "work").path("Catch")).isEqualTo(json("""
                [{"ErrorEquals":["Skystate.TransitionLimitExceeded","Skystate.DataError"],"ResultPath":"$.caught","Next":"__skystate_work_fatal"},
                 {"ErrorEquals":["Declined"],"ResultPath":"$.caught","Next":"__skystate_work_catch0"},
                 {"ErrorEquals":["States.Timeout"],"ResultPath":"$.caught","Next":"__skystate_work_catch1"},
                 {"ErrorEquals":["States.ALL"],"ResultPath":"$.caught","Next":"__skystate_work_catch2"}]"""));
        // A rule that cannot see a timeout: merge the defaults, then write {"error","cause"} at the portable path.
        assertThat(state(asl, "__skystate_work_catch0")).isEqualTo(json("""
                {"Type":"Pass","Parameters":{"m.$":"States.JsonMerge($.blank, $.caught, false)"},"ResultPath":"$.caught",
                 "Next":"__skystate_work_catch0_error"}"""));
        assertThat(state(asl, "__skystate_work_catch0_error")).isEqualTo(json("""
                {"Type":"Pass","Parameters":{"error.$":"$.caught.m.Error","cause.$":"$.caught.m.Cause"},
                 "ResultPath":"$.data.rejection","Next":"handle"}"""));
        // A rule that can see timeouts renames States.Timeout / States.HeartbeatTimeout to Skystate.Timeout.
        assertThat(state(asl, "__skystate_work_catch1").path("Next").asText()).isEqualTo("__skystate_work_catch1_kind");
        assertThat(state(asl, "__skystate_work_catch1_kind")).isEqualTo(json("""
                {"Type":"Choice","Choices":[{"Or":[{"Variable":"$.caught.m.Error","StringEquals":"States.Timeout"},
                   {"Variable":"$.caught.m.Error","StringEquals":"States.HeartbeatTimeout"}],
                   "Next":"__skystate_work_catch1_timeout"}],"Default":"__skystate_work_catch1_error"}"""));
        assertThat(state(asl, "__skystate_work_catch1_timeout")).isEqualTo(json("""
                {"Type":"Pass","Parameters":{"error":"Skystate.Timeout","cause.$":"$.caught.m.Cause"},
                 "ResultPath":"$.data","Next":"handle"}"""));
        assertThat(state(asl, "__skystate_work_catch2_error").path("ResultPath").asText()).isEqualTo("$.data.error");
        assertThat(state(asl, "handle")).isEqualTo(json("""
                {"Type":"Succeed","OutputPath":"$.data"}"""));
    }

    @Test
    void everyConditionKindIsTypeGuardedLikeTheLocalEngine() {
        List<ChoiceCondition> conditions = new ArrayList<>();
        for (Operator op : Operator.values()) {
            conditions.add(new ChoiceCondition.Compare("$.s", op, "m"));
            conditions.add(new ChoiceCondition.Compare("$.n", op, new BigDecimal("1.5")));
        }
        conditions.add(ChoiceCondition.booleanEquals("$.flag", true));
        conditions.add(ChoiceCondition.isPresent("$.maybe"));
        conditions.add(new ChoiceCondition.IsPresent("$.gone", false));
        conditions.add(ChoiceCondition.and(ChoiceCondition.numeric("$.n", Operator.GT, 1),
                ChoiceCondition.or(ChoiceCondition.stringEquals("$.list[2].name", "x"),
                        ChoiceCondition.not(ChoiceCondition.isPresent("$.y")))));
        WorkflowDefinition def = WorkflowDefinition.builder("choices", 1).startAt("pick")
                .choice("pick", c -> {
                    conditions.forEach(cond -> c.when(cond, "yes"));
                    c.otherwise("strict");
                })
                .choice("strict", c -> c.when(ChoiceCondition.booleanEquals("$.flag", false), "no"))
                .succeed("yes")
                .succeed("no")
                .build();
        ObjectNode asl = compileValid("choices", def, SQS);

        JsonNode pick = state(asl, "pick");
        assertThat(pick.path("Default").asText()).isEqualTo("strict");
        JsonNode rules = pick.path("Choices");
        assertThat(rules).hasSize(conditions.size());
        String[] ops = {"Equals", "LessThan", "LessThanEquals", "GreaterThan", "GreaterThanEquals"};
        for (int i = 0; i < ops.length; i++) {
            assertThat(rules.get(2 * i)).isEqualTo(json("""
                    {"And":[{"Variable":"$.data.s","IsPresent":true},{"Variable":"$.data.s","IsString":true},
                      {"Variable":"$.data.s","String%s":"m"}],"Next":"yes"}""".formatted(ops[i])));
            assertThat(rules.get(2 * i + 1)).isEqualTo(json("""
                    {"And":[{"Variable":"$.data.n","IsPresent":true},{"Variable":"$.data.n","IsNumeric":true},
                      {"Variable":"$.data.n","Numeric%s":1.5}],"Next":"yes"}""".formatted(ops[i])));
        }
        assertThat(rules.get(10)).isEqualTo(json("""
                {"And":[{"Variable":"$.data.flag","IsPresent":true},{"Variable":"$.data.flag","IsBoolean":true},
                  {"Variable":"$.data.flag","BooleanEquals":true}],"Next":"yes"}"""));
        assertThat(rules.get(11)).isEqualTo(json("""
                {"Variable":"$.data.maybe","IsPresent":true,"Next":"yes"}"""));
        assertThat(rules.get(12)).isEqualTo(json("""
                {"Variable":"$.data.gone","IsPresent":false,"Next":"yes"}"""));
        assertThat(rules.get(13)).isEqualTo(json("""
                {"And":[
                  {"And":[{"Variable":"$.data.n","IsPresent":true},{"Variable":"$.data.n","IsNumeric":true},
                    {"Variable":"$.data.n","NumericGreaterThan":1}]},
                  {"Or":[
                    {"And":[{"Variable":"$.data.list[2].name","IsPresent":true},{"Variable":"$.data.list[2].name","IsString":true},
                      {"Variable":"$.data.list[2].name","StringEquals":"x"}]},
                    {"Not":{"Variable":"$.data.y","IsPresent":true}}]}],
                 "Next":"yes"}"""));
        // No otherwise: the local engine's error, not States.NoChoiceMatched.
        assertThat(state(asl, "strict").path("Default").asText()).isEqualTo("__skystate_strict_nomatch");
        assertThat(state(asl, "__skystate_strict_nomatch")).isEqualTo(json("""
                {"Type":"Fail","Error":"Skystate.NoChoiceMatched",
                 "Cause":"no rule of choice 'strict' matched and it has no otherwise"}"""));
    }

    @Test
    void waitsInAllThreeFormsAndTheWorkflowTimeout() {
        WorkflowDefinition def = WorkflowDefinition.builder("waits", 1).startAt("pause").timeout(Duration.ofHours(2))
                .waitFor("pause", Duration.ofSeconds(90), "until")
                .waitUntil("until", Instant.parse("2030-01-02T03:04:05Z"), "untilPath")
                .waitUntilPath("untilPath", "$.due", null)
                .build();
        ObjectNode asl = compileValid("waits", def, SQS);

        assertThat(asl.path("TimeoutSeconds").asInt()).isEqualTo(7200);
        assertThat(state(asl, "pause")).isEqualTo(json("""
                {"Type":"Wait","Seconds":90,"Next":"until"}"""));
        assertThat(state(asl, "until")).isEqualTo(json("""
                {"Type":"Wait","Timestamp":"2030-01-02T03:04:05Z","Next":"untilPath"}"""));
        assertThat(state(asl, "untilPath")).isEqualTo(json("""
                {"Type":"Wait","TimestampPath":"$.data.due","OutputPath":"$.data","End":true}"""));
    }

    @Test
    void awaitCallbackGoesToTheCallbackQueueWithTimeoutAndHeartbeat() {
        WorkflowDefinition def = WorkflowDefinition.builder("callbacks", 1).startAt("approve")
                .awaitCallback("approve", "askApproval", Duration.ofHours(1), c -> c.heartbeat(Duration.ofMinutes(5))
                        .inputPath("$.request").resultPath("$.approval")
                        .retry(RetryRule.on(List.of(WorkflowErrors.TIMEOUT), 2, Duration.ofSeconds(5), 2.0)))
                .build();
        ObjectNode asl = compileValid("callbacks", def, SQS);

        assertThat(state(asl, "approve")).isEqualTo(json("""
                {"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                 "Parameters":{"QueueUrl":"%s","MessageBody":{"kind":"callback","handler":"askApproval",
                   "token.$":"$$.Task.Token","input.$":"$.data.request","execution.$":"$$.Execution.Name",
                   "instance.$":"$.run","step":"approve","entered.$":"$$.State.EnteredTime","attempt.$":"$$.State.RetryCount",
                   "timeout":3600}},
                 "ResultPath":"$.data.approval","TimeoutSeconds":3600,"HeartbeatSeconds":300,
                 "Retry":[{"ErrorEquals":["Skystate.TransitionLimitExceeded","Skystate.DataError"],"MaxAttempts":0},
                   {"ErrorEquals":["States.Timeout"],"IntervalSeconds":5,"MaxAttempts":1,"BackoffRate":2.0}],
                 "OutputPath":"$.data","End":true}""".formatted(CALLBACKS)));
    }

    @Test
    void nestedParallelBranchesCompileRecursivelyWithHistoryPathsAndUnwrappedOutputs() {
        WorkflowDefinition def = WorkflowDefinition.builder("fanout", 1).startAt("outer")
                .parallel("outer", p -> p
                        .branch(b -> b.startAt("a").task("a", "ha", t -> t.resultPath("$.a")))
                        .branch(b -> b.startAt("inner")
                                .parallel("inner", q -> q
                                        .branch(c -> c.startAt("x").task("x", "hx", t -> t
                                                .catching(CatchRule.any("$.err", "xFailed")).next("xDone"))
                                                .succeed("xDone")
                                                .fail("xFailed", "XFailed", "x gave up"))
                                        .branch(c -> c.startAt("y").waitFor("y", Duration.ofSeconds(1), null))
                                        .resultPath("$.inner")
                                        .next("pick"))
                                .choice("pick", c -> c.when(ChoiceCondition.isPresent("$.inner"), "done"))
                                .succeed("done"))
                        .resultPath("$.results")
                        .retry(RetryRule.any(2, Duration.ofSeconds(1)))
                        .catching(CatchRule.any("$.failure", "recover"))
                        .next("recover"))
                .succeed("recover")
                .build();
        ObjectNode asl = compileValid("fanout", def, SQS);

        JsonNode outer = state(asl, "outer");
        assertThat(outer.path("Type").asText()).isEqualTo("Parallel");
        assertThat(outer.path("ResultPath").asText()).isEqualTo("$.data.results");
        assertThat(outer.path("Retry").get(0).path("MaxAttempts").asInt()).as("fatal errors first, never retried").isZero();
        assertThat(outer.path("Retry").get(1).path("ErrorEquals").get(0).asText()).isEqualTo("States.ALL");
        assertThat(outer.path("Catch").get(0).path("Next").asText()).isEqualTo("__skystate_outer_fatal");
        assertThat(outer.path("Catch").get(1).path("Next").asText()).isEqualTo("__skystate_outer_catch0");
        JsonNode branches = outer.path("Branches");
        assertThat(branches).hasSize(2);
        assertThat(branches.get(0).path("StartAt").asText()).isEqualTo("a");
        JsonNode a = branches.get(0).path("States").path("a");
        assertThat(a.path("Parameters").path("MessageBody").path("step").asText()).isEqualTo("outer/0/a");
        assertThat(a.path("OutputPath").asText()).isEqualTo("$.data");
        JsonNode inner = branches.get(1).path("States").path("inner");
        assertThat(inner.path("ResultPath").asText()).isEqualTo("$.data.inner");
        JsonNode xStates = inner.path("Branches").get(0).path("States");
        assertThat(xStates.path("x").path("Parameters").path("MessageBody").path("step").asText()).isEqualTo("outer/1/inner/0/x");
        assertThat(names(xStates)).containsExactly("x", "__skystate_x_catch0", "__skystate_x_catch0_kind",
                "__skystate_x_catch0_timeout", "__skystate_x_catch0_error", "__skystate_x_fatal", "xDone", "xFailed");
        assertThat(xStates.path("xFailed")).isEqualTo(json("""
                {"Type":"Fail","Error":"XFailed","Cause":"x gave up"}"""));
        assertThat(inner.path("Branches").get(1).path("States").path("y").path("OutputPath").asText()).isEqualTo("$.data");
        assertThat(branches.get(1).path("States").path("pick").path("Default").asText()).isEqualTo("__skystate_pick_nomatch");
        assertThat(branches.get(1).path("States").path("__skystate_pick_nomatch").path("Type").asText()).isEqualTo("Fail");
    }

    @Test
    void sagaCompensationKeepsALogAndCompensatesBeforeFailingWithTheOriginalError() {
        WorkflowDefinition def = WorkflowDefinition.builder("saga", 1).startAt("reserve")
                .task("reserve", "reserve", t -> t.resultPath("$").compensateWith("release").next("charge"))
                .task("charge", "charge", t -> t.resultPath("$.payment").compensateWith("refund")
                        .catching(new CatchRule(List.of("Declined"), "$.declined", "declined")).next("check"))
                .choice("check", c -> c.when(ChoiceCondition.booleanEquals("$.payment.ok", true), "ship"))
                .parallel("ship", p -> p.branch(b -> b.startAt("pack").task("pack", "pack", t -> { })).next("done"))
                .succeed("done")
                .fail("declined", "PaymentDeclined", "declined by the bank")
                .build();
        ObjectNode asl = compileValid("saga", def, SQS);

        // After a compensable task succeeds, push its handler onto the log (a linked list outside the data).
        assertThat(state(asl, "reserve").path("Next").asText()).isEqualTo("__skystate_reserve_log");
        assertThat(state(asl, "reserve").path("ResultPath").asText()).isEqualTo("$.data");
        assertThat(state(asl, "__skystate_reserve_log")).isEqualTo(json("""
                {"Type":"Pass","Parameters":{"handler":"release","step":"reserve","prev.$":"$.comp"},
                 "ResultPath":"$.comp","Next":"charge"}"""));
        // User catches first, then the saga's catch-all.
        assertThat(state(asl, "charge").path("Catch")).isEqualTo(json("""
                [{"ErrorEquals":["Skystate.TransitionLimitExceeded","Skystate.DataError"],"ResultPath":"$.caught","Next":"__skystate_charge_fatal"},
                 {"ErrorEquals":["Declined"],"ResultPath":"$.caught","Next":"__skystate_charge_catch0"},
                 {"ErrorEquals":["States.ALL"],"ResultPath":"$.caught","Next":"__skystate_failure"}]"""));
        assertThat(state(asl, "ship").path("Catch").get(1).path("Next").asText()).isEqualTo(AslCompiler.FAILURE);
        assertThat(state(asl, "ship").path("Branches").get(0).path("States").path("pack").has("Catch")).isFalse();
        // Fail steps and unmatched choices go through compensation too.
        assertThat(state(asl, "declined")).isEqualTo(json("""
                {"Type":"Pass","Result":{"error":"PaymentDeclined","cause":"declined by the bank"},
                 "ResultPath":"$.failure","Next":"__skystate_compensating"}"""));
        assertThat(state(asl, "__skystate_check_nomatch").path("Result").path("error").asText())
                .isEqualTo("Skystate.NoChoiceMatched");
        assertThat(state(asl, "__skystate_failure_timeout").path("ResultPath").asText()).isEqualTo("$.failure");
        assertThat(state(asl, "__skystate_failure_error").path("Next").asText()).isEqualTo(AslCompiler.COMPENSATING);
        assertThat(state(asl, AslCompiler.COMPENSATING)).isEqualTo(json("""
                {"Type":"Choice","Choices":[{"Variable":"$.comp.handler","IsPresent":true,"Next":"__skystate_compensate"}],
                 "Default":"__skystate_failed"}"""));
        assertThat(state(asl, AslCompiler.COMPENSATE)).isEqualTo(json("""
                {"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                 "Parameters":{"QueueUrl":"%s","MessageBody":{"kind":"compensate","token.$":"$$.Task.Token",
                   "execution.$":"$$.Execution.Name","instance.$":"$.run","log.$":"$.comp","data.$":"$.data",
                   "error.$":"$.failure.error","cause.$":"$.failure.cause"}},
                 "TimeoutSeconds":3600,"ResultPath":null,
                 "Retry":[{"ErrorEquals":["States.ALL"],"IntervalSeconds":2,"MaxAttempts":2,"BackoffRate":2.0}],
                 "Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":null,"Next":"__skystate_failed"}],
                 "Next":"__skystate_failed"}""".formatted(QUEUE)));
        assertThat(state(asl, AslCompiler.FAILED)).isEqualTo(json("""
                {"Type":"Fail","ErrorPath":"$.failure.error","CausePath":"$.failure.cause"}"""));
    }

    @Test
    void definitionsWithoutCompensationGetNoSagaMachinery() {
        WorkflowDefinition def = WorkflowDefinition.builder("plain", 1).startAt("work")
                .task("work", "h", t -> t.next("stop"))
                .fail("stop", "Stopped", "by design")
                .build();
        ObjectNode asl = compileValid("plain", def, SQS);
        assertThat(names(asl.path("States"))).containsExactly(AslCompiler.START, "work", "stop", AslRedriveEntry.ENTRY,
                AslRedriveEntry.ROUTE, "__skystate_work_redrive", "__skystate_stop_redrive", AslRedriveEntry.UNKNOWN);
        assertThat(state(asl, "work").has("Catch")).isFalse();
        assertThat(state(asl, "stop")).isEqualTo(json("""
                {"Type":"Fail","Error":"Stopped","Cause":"by design"}"""));
    }

    @Test
    void compensationInsideAParallelBranchIsRejectedNamingTheStep() {
        WorkflowDefinition def = WorkflowDefinition.builder("branchsaga", 1).startAt("fan")
                .task("top", "h", t -> t.compensateWith("undo"))
                .parallel("fan", p -> p.branch(b -> b.startAt("deep").task("deep", "h", t -> t.compensateWith("undo"))))
                .build();
        assertThatThrownBy(() -> AslCompiler.compile(def, SQS))
                .isInstanceOf(UnsupportedCapabilityException.class)
                .hasMessageContaining("'deep'").hasMessageContaining("parallel branch");
    }

    @Test
    void lambdaModeInvokesFunctionsDirectly() {
        WorkflowDefinition def = WorkflowDefinition.builder("lambdas", 1).startAt("work")
                .task("work", "doWork", t -> t.inputPath("$.in").resultPath("$.out").compensateWith("undoWork").next("wait"))
                .awaitCallback("wait", "askHuman", Duration.ofMinutes(10), c -> c.resultPath("$.answer"))
                .build();
        ObjectNode asl = compileValid("lambdas", def, LAMBDA);

        assertThat(state(asl, "work")).isEqualTo(json("""
                {"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:doWork",
                 "Parameters":{"kind":"task","handler":"doWork","input.$":"$.data.in","execution.$":"$$.Execution.Name",
                   "instance.$":"$.run","step":"work","entered.$":"$$.State.EnteredTime","attempt.$":"$$.State.RetryCount"},
                 "ResultPath":"$.data.out","TimeoutSeconds":900,
                 "Catch":[{"ErrorEquals":["Skystate.TransitionLimitExceeded","Skystate.DataError"],"ResultPath":"$.caught","Next":"__skystate_work_fatal"},
                   {"ErrorEquals":["States.ALL"],"ResultPath":"$.caught","Next":"__skystate_failure"}],
                 "Next":"__skystate_work_log"}"""));
        assertThat(state(asl, "wait")).isEqualTo(json("""
                {"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken",
                 "Parameters":{"FunctionName":"arn:aws:lambda:us-east-1:123456789012:function:askHuman",
                   "Payload":{"kind":"callback","handler":"askHuman","token.$":"$$.Task.Token","input.$":"$.data",
                     "execution.$":"$$.Execution.Name","instance.$":"$.run","step":"wait",
                     "entered.$":"$$.State.EnteredTime","attempt.$":"$$.State.RetryCount","timeout":600}},
                 "ResultPath":"$.data.answer","TimeoutSeconds":600,
                 "Catch":[{"ErrorEquals":["Skystate.TransitionLimitExceeded","Skystate.DataError"],"ResultPath":"$.caught","Next":"__skystate_wait_fatal"},
                   {"ErrorEquals":["States.ALL"],"ResultPath":"$.caught","Next":"__skystate_failure"}],
                 "OutputPath":"$.data","End":true}"""));
        JsonNode compensate = state(asl, AslCompiler.COMPENSATE);
        assertThat(compensate.path("Resource").asText()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:xskystate_compensate");
        assertThat(compensate.path("Parameters").has("token.$")).isFalse();
        assertThat(compensate.path("Parameters").path("log.$").asText()).isEqualTo("$.comp");
    }

    @Test
    void longGeneratedNamesAreShortenedBelowTheLimit() {
        String name = "s" + "x".repeat(63);
        WorkflowDefinition def = WorkflowDefinition.builder("longnames", 1).startAt(name)
                .task(name, "h", t -> t.catching(CatchRule.any("$.e", "end")).next("end"))
                .succeed("end")
                .build();
        ObjectNode asl = compileValid("longnames", def, SQS);
        for (String state : names(asl.path("States"))) {
            assertThat(state.length()).isLessThanOrEqualTo(80);
        }
        assertThat(state(asl, name).path("Catch").get(1).path("Next").asText()).isEqualTo("__skystate_1_catch0");
    }

    @Test
    void theOrderSagaDemoCompilesInBothModes() {
        WorkflowDefinition def = OrderWorkflow.definition();
        ObjectNode asl = compileValid("order-saga", def, AslOptions.sqsWorker(QUEUE));
        assertThat(asl.path("TimeoutSeconds").asInt()).isEqualTo(600);
        assertThat(state(asl, "reserveInventory").path("Retry").get(1)).isEqualTo(json("""
                {"ErrorEquals":["io.skystate.api.VersionConflictException"],"IntervalSeconds":1,"MaxAttempts":4,"BackoffRate":2.0}"""));
        assertThat(state(asl, "reserveInventory").path("Next").asText()).isEqualTo("__skystate_reserveInventory_log");
        assertThat(state(asl, "capturePayment").path("Next").asText()).isEqualTo("__skystate_capturePayment_log");
        JsonNode authorize = state(asl, "authorizePayment");
        assertThat(authorize.path("HeartbeatSeconds").asInt()).isEqualTo(60);
        assertThat(authorize.path("TimeoutSeconds").asInt()).isEqualTo(300);
        assertThat(authorize.path("Parameters").path("QueueUrl").asText()).isEqualTo(QUEUE);
        assertThat(authorize.path("Catch")).hasSize(3);
        assertThat(state(asl, "declined").path("Next").asText()).isEqualTo(AslCompiler.COMPENSATING);
        assertThat(state(asl, "complete").path("End").asBoolean()).isTrue();
        for (String state : names(asl.path("States"))) {
            assertThat(def.steps().containsKey(state) || AslCompiler.isGenerated(state)).as(state).isTrue();
        }
        compileValid("order-saga-lambda", def, LAMBDA);
    }

    @Test
    void errorNamesMapBothWays() {
        assertThat(AslErrors.errorEquals(List.of("A", WorkflowErrors.TIMEOUT, "A"))).containsExactly("A", "States.Timeout");
        assertThat(AslErrors.errorEquals(List.of("A", WorkflowErrors.ALL))).containsExactly("States.ALL");
        assertThat(Map.of(
                "States.Timeout", AslErrors.toPortable("States.Timeout"),
                "States.HeartbeatTimeout", AslErrors.toPortable("States.HeartbeatTimeout"),
                "States.NoChoiceMatched", AslErrors.toPortable("States.NoChoiceMatched"),
                "States.Runtime", AslErrors.toPortable("States.Runtime"),
                "Custom", AslErrors.toPortable("Custom")))
                .containsEntry("States.Timeout", WorkflowErrors.TIMEOUT)
                .containsEntry("States.HeartbeatTimeout", WorkflowErrors.TIMEOUT)
                .containsEntry("States.NoChoiceMatched", "Skystate.NoChoiceMatched")
                .containsEntry("States.Runtime", WorkflowErrors.DATA_ERROR)
                .containsEntry("Custom", "Custom");
    }
}
