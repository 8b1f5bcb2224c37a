package io.skystate.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.skystate.api.Skystate;
import io.skystate.api.handler.Handler;
import io.skystate.api.handler.HandlerDefinition;
import io.skystate.api.handler.InvocationContext;
import io.skystate.api.state.Key;
import io.skystate.api.state.PutOptions;
import io.skystate.api.state.StateStore;
import io.skystate.api.workflow.RetryRule;
import io.skystate.api.workflow.RunStatus;
import io.skystate.api.workflow.StepExecution;
import io.skystate.api.workflow.StepFailure;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.local.LocalSkystate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Two runs of a saga on the local engine, through the decorator: {@code reserve} (compensated by {@code release})
 * → {@code fan}: {@code charge} ∥ {@code notify} (fails its first attempt, retried) → {@code ship}, which fails in
 * the run {@value #FAILED} and so triggers {@code release}. Each run is one trace rooted at its
 * {@code workflow.start} span, although the engine calls the handlers on its own threads: every handler invocation
 * (attempts, branches, the failing step, the compensation) is a child of it, with its outcome; every state call a
 * handler makes is that handler's child. The meters count exactly what ran.
 */
class SagaTraceTest {
    private static final String SUCCEEDED = "saga-ok";
    private static final String FAILED = "saga-bad";
    private static final Set<String> HANDLERS = Set.of("reserve", "charge", "notify", "ship", "release");

    @Test
    void eachSagaRunIsOneTraceOfItsStepsCompensationsAndOutcomesAndTheMetersCountThem() throws Exception {
        try (Recorder recorder = new Recorder();
                Skystate skystate = recorder.observe(LocalSkystate.builder().withoutHttp().build())) {
            register(skystate);
            skystate.workflows().start("saga", SUCCEEDED, Map.of("order", "o-1", "fail", false));
            skystate.workflows().start("saga", FAILED, Map.of("order", "o-2", "fail", true));
            assertThat(skystate.workflows().await(SUCCEEDED, Duration.ofSeconds(30)).status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(skystate.workflows().await(FAILED, Duration.ofSeconds(30)).status()).isEqualTo(RunStatus.FAILED);

            String okTrace = assertOneTrace(recorder, SUCCEEDED, List.of(
                    "reserve task 1 ok", "charge task 1 ok", "notify task 1 ERROR Flaky", "notify task 2 ok",
                    "ship task 1 ok"));
            String badTrace = assertOneTrace(recorder, FAILED, List.of(
                    "reserve task 1 ok", "charge task 1 ok", "notify task 1 ERROR Flaky", "notify task 2 ok",
                    "ship task 1 ERROR NoCarrier", "release compensation 1 ok"));
            assertThat(okTrace).as("one trace per run").isNotEqualTo(badTrace);
            assertStepPathsAreTheHistorys(recorder, skystate, SUCCEEDED);
            assertStepPathsAreTheHistorys(recorder, skystate, FAILED);
            assertMeters(recorder);
        }
    }

    /** The run's handler spans as "handler kind attempt status [code]"; returns the run's trace id. */
    private static String assertOneTrace(Recorder recorder, String run, List<String> expected) {
        SpanData start = recorder.finished().stream()
                .filter(s -> s.getName().equals("workflow.start saga") && run.equals(s.getAttributes().get(SkystateSpans.RUN_ID)))
                .reduce((a, b) -> { throw new AssertionError("two start spans for " + run); }).orElseThrow();
        assertThat(start.getParentSpanContext().isValid()).as("workflow.start is the root").isFalse();
        List<SpanData> handlers = handlerSpans(recorder, run);
        assertThat(handlers).extracting(SagaTraceTest::describe).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(handlers).as("%s: every handler span is a child of its run's workflow.start", run)
                .allSatisfy(h -> assertThat(h.getTraceId() + "/" + h.getParentSpanId())
                        .isEqualTo(start.getTraceId() + "/" + start.getSpanId()));
        assertThat(handlers.stream().filter(h -> h.getAttributes().get(SkystateSpans.HANDLER).equals("notify"))
                .map(h -> h.getAttributes().get(SkystateSpans.INVOCATION_ID)).distinct())
                .as("a step's retries share its invocation id").hasSize(1);

        Set<String> handlerIds = handlers.stream().map(SpanData::getSpanId).collect(Collectors.toSet());
        List<SpanData> stateCalls = recorder.finished().stream()
                .filter(s -> "saga-stock".equals(s.getAttributes().get(SkystateSpans.STORE)))
                .filter(s -> handlerIds.contains(s.getParentSpanId())).toList();
        assertThat(stateCalls).as("%s: a get and a put per handler invocation, children of it", run)
                .hasSize(2 * expected.size())
                .allSatisfy(call -> assertThat(call.getTraceId()).isEqualTo(start.getTraceId()));
        return start.getTraceId();
    }

    /** The step paths on the handler spans are the paths of the run's task and compensation history entries. */
    private static void assertStepPathsAreTheHistorys(Recorder recorder, Skystate skystate, String run) {
        Set<String> history = skystate.workflows().history(run).stream()
                .filter(e -> e.kind().equals("task") || e.kind().equals("compensation"))
                .map(StepExecution::path).collect(Collectors.toSet());
        assertThat(handlerSpans(recorder, run).stream().map(h -> h.getAttributes().get(SkystateSpans.STEP_PATH))
                .collect(Collectors.toSet())).as("%s: step paths", run).isEqualTo(history);
    }

    private static void assertMeters(Recorder recorder) {
        String invocations = SkystateMeters.HANDLER_INVOCATIONS;
        assertThat(recorder.timerCount(invocations, "handler", "reserve", "kind", "task", "outcome", "ok")).isEqualTo(2);
        assertThat(recorder.timerCount(invocations, "handler", "charge", "kind", "task", "outcome", "ok")).isEqualTo(2);
        assertThat(recorder.timerCount(invocations, "handler", "notify", "kind", "task", "outcome", "Flaky")).isEqualTo(2);
        assertThat(recorder.timerCount(invocations, "handler", "notify", "kind", "task", "outcome", "ok")).isEqualTo(2);
        assertThat(recorder.timerCount(invocations, "handler", "ship", "kind", "task", "outcome", "ok")).isEqualTo(1);
        assertThat(recorder.timerCount(invocations, "handler", "ship", "kind", "task", "outcome", "NoCarrier")).isEqualTo(1);
        assertThat(recorder.timerCount(invocations, "handler", "release", "kind", "compensation", "outcome", "ok"))
                .isEqualTo(1);
        assertThat(recorder.registry.find(invocations).timers().stream().mapToLong(t -> t.count()).sum())
                .as("11 handler invocations in all").isEqualTo(11);
        assertThat(recorder.counted(SkystateMeters.HANDLER_RETRIES, "handler", "notify")).isEqualTo(2);
        assertThat(recorder.counted(SkystateMeters.HANDLER_RETRIES)).isEqualTo(2);
        assertThat(recorder.counted(SkystateMeters.WORKFLOW_RUNS_STARTED, "workflow", "saga")).isEqualTo(2);
        assertThat(recorder.timerCount(SkystateMeters.WORKFLOW_RUNS_FINISHED, "workflow", "saga", "status", "SUCCEEDED"))
                .isEqualTo(1);
        assertThat(recorder.timerCount(SkystateMeters.WORKFLOW_RUNS_FINISHED, "workflow", "saga", "status", "FAILED"))
                .isEqualTo(1);
        String state = SkystateMeters.STATE_OPERATIONS;
        assertThat(recorder.timerCount(state, "store", "saga-stock", "operation", "get", "outcome", "ok")).isEqualTo(11);
        assertThat(recorder.timerCount(state, "store", "saga-stock", "operation", "put", "outcome", "ok")).isEqualTo(11);
    }

    private static List<SpanData> handlerSpans(Recorder recorder, String run) {
        return recorder.finished().stream()
                .filter(s -> s.getAttributes().get(SkystateSpans.HANDLER) != null)
                .filter(s -> HANDLERS.contains(s.getAttributes().get(SkystateSpans.HANDLER)))
                .filter(s -> run.equals(s.getAttributes().get(SkystateSpans.RUN_ID))).toList();
    }

    private static String describe(SpanData span) {
        // Success leaves the status UNSET, as OpenTelemetry's conventions ask of instrumentation.
        StatusCode status = span.getStatus().getStatusCode();
        String outcome = status == StatusCode.ERROR ? "ERROR " + span.getAttributes().get(SkystateSpans.ERROR_CODE)
                : status == StatusCode.UNSET ? "ok" : status.name();
        return span.getAttributes().get(SkystateSpans.HANDLER) + " " + span.getAttributes().get(SkystateSpans.STEP_KIND)
                + " " + span.getAttributes().get(SkystateSpans.ATTEMPT) + " " + outcome;
    }

    /** Reads and writes its mark in saga-stock; notify fails its first attempt, ship fails when the input says so. */
    private record Touch(String name) implements Handler<Map<String, Object>, Map<String, Object>> {
        @Override
        public Map<String, Object> handle(Map<String, Object> input, InvocationContext context) {
            StateStore stock = context.skystate().stateStore("saga-stock");
            stock.getJson(Key.of("touched", name), Map.class);
            stock.putJson(Key.of("touched", name), Map.of("by", context.invocationId()), PutOptions.always());
            if (name.equals("notify") && context.attempt() == 1) {
                throw new StepFailure("Flaky", "the mail server hung up");
            }
            if (name.equals("ship") && Boolean.TRUE.equals(input.get("fail"))) {
                throw new StepFailure("NoCarrier", "nobody ships there");
            }
            return Map.of(name, true);
        }
    }

    private static void register(Skystate skystate) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Class<Map<String, Object>> map = (Class) Map.class;
        HANDLERS.forEach(name -> skystate.handlers().register(HandlerDefinition.of(name, map, map, new Touch(name))));
        skystate.workflows().register(WorkflowDefinition.builder("saga", 1).startAt("reserve")
                .task("reserve", "reserve", t -> t.resultPath("$.reserve").compensateWith("release").next("fan"))
                .parallel("fan", p -> p.resultPath("$.fan").next("ship")
                        .branch(b -> b.startAt("charge").task("charge", "charge", t -> { }))
                        .branch(b -> b.startAt("notify").task("notify", "notify",
                                t -> t.retry(RetryRule.any(2, Duration.ofSeconds(1))))))
                .task("ship", "ship", t -> t.resultPath("$.ship"))
                .build());
    }
}
