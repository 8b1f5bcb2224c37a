package io.skystate.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.trace.data.SpanData;
import io.skystate.api.Skystate;
import io.skystate.api.handler.HandlerDefinition;
import io.skystate.api.handler.InvocationContext;
import io.skystate.api.state.Key;
import io.skystate.api.state.PutOptions;
import io.skystate.api.state.StateStore;
import io.skystate.api.workflow.RunStatus;
import io.skystate.api.workflow.StepFailure;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.api.workflow.WorkflowRun;
import io.skystate.local.LocalSkystate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The spans of one saga run form one trace: {@code workflow.start} is the root; every handler invocation of the
 * run (a task, both branches of a parallel step, the failing step and the compensation it triggers) is its child,
 * although the engine runs them on its own threads; every state call a handler makes is that handler's child.
 *
 * <p>Needs an engine that fills {@link InvocationContext#step()} (the local engine does from the {@code wfops}
 * merge on): the handler spans find the run's context by its instance id.
 */
class SagaTraceTest {
    private static final String RUN = "saga-1";
    private static final Set<String> HANDLERS = Set.of("reserve", "charge", "notify", "ship", "release");

    @Test
    void theSpansOfASagaRunFormOneTrace() throws Exception {
        try (Recorder recorder = new Recorder();
                Skystate skystate = recorder.observe(LocalSkystate.builder().withoutHttp().build())) {
            register(skystate);
            skystate.workflows().start("saga", RUN, Map.of("order", "o-1"));
            WorkflowRun run = skystate.workflows().await(RUN, Duration.ofSeconds(30));
            assertThat(run.status()).as("the saga fails at ship and compensates").isEqualTo(RunStatus.FAILED);

            SpanData start = recorder.span("workflow.start saga");
            List<SpanData> handlers = recorder.finished().stream()
                    .filter(s -> s.getAttributes().get(SkystateSpans.HANDLER) != null)
                    .filter(s -> HANDLERS.contains(s.getAttributes().get(SkystateSpans.HANDLER))).toList();
            assertThat(handlers).extracting(s -> s.getAttributes().get(SkystateSpans.HANDLER))
                    .containsExactlyInAnyOrderElementsOf(HANDLERS);
            Set<String> handlerIds = handlers.stream().map(SpanData::getSpanId).collect(Collectors.toSet());
            List<SpanData> stateCalls = recorder.finished().stream()
                    .filter(s -> "saga-stock".equals(s.getAttributes().get(SkystateSpans.STORE))).toList();
            assertThat(stateCalls).hasSizeGreaterThanOrEqualTo(HANDLERS.size());

            // Compared as "trace/parent" per handler first: a readable failure if the run's context did not travel.
            Map<String, String> expected = handlers.stream().collect(Collectors.toMap(SpanData::getName,
                    h -> start.getTraceId() + "/" + start.getSpanId()));
            assertThat(handlers.stream().collect(Collectors.toMap(SpanData::getName,
                    h -> h.getTraceId() + "/" + h.getParentSpanId())))
                    .as("trace/parent of each handler span; each must be a child of workflow.start, found through"
                            + " InvocationContext.step().instanceId()")
                    .isEqualTo(expected);
            assertThat(handlers).allSatisfy(handler -> {
                assertThat(handler.getAttributes().get(SkystateSpans.RUN_ID)).isEqualTo(RUN);
                assertThat(handler.getAttributes().get(SkystateSpans.STEP_PATH)).isNotEmpty();
            });
            assertThat(handlers).filteredOn(h -> h.getName().equals("handler release")).singleElement()
                    .satisfies(h -> assertThat(h.getAttributes().get(SkystateSpans.STEP_KIND)).isEqualTo("compensation"));
            assertThat(stateCalls).allSatisfy(call -> {
                assertThat(call.getTraceId()).isEqualTo(start.getTraceId());
                assertThat(handlerIds).as("parent of %s", call.getName()).contains(call.getParentSpanId());
            });
            assertThat(stateCalls.stream().map(SpanData::getParentSpanId).collect(Collectors.toSet()))
                    .as("every handler made a state call").isEqualTo(handlerIds);
        }
    }

    /** reserve (compensated by release) → fan: charge ∥ notify → ship, which fails and so triggers release. */
    private static void register(Skystate skystate) {
        record Touch(String name) implements io.skystate.api.handler.Handler<Map<String, Object>, Map<String, Object>> {
            @Override
            public Map<String, Object> handle(Map<String, Object> input, InvocationContext context) {
                StateStore stock = context.skystate().stateStore("saga-stock");
                stock.getJson(Key.of("touched", name), Map.class);
                stock.putJson(Key.of("touched", name), Map.of("by", context.invocationId()), PutOptions.always());
                if (name.equals("ship")) {
                    throw new StepFailure("NoCarrier", "nobody ships there");
                }
                return Map.of(name, true);
            }
        }
        @SuppressWarnings({"unchecked", "rawtypes"})
        Class<Map<String, Object>> map = (Class) Map.class;
        HANDLERS.forEach(name -> skystate.handlers().register(HandlerDefinition.of(name, map, map, new Touch(name))));
        skystate.workflows().register(WorkflowDefinition.builder("saga", 1).startAt("reserve")
                .task("reserve", "reserve", t -> t.resultPath("$.reserve").compensateWith("release").next("fan"))
                .parallel("fan", p -> p.resultPath("$.fan").next("ship")
                        .branch(b -> b.startAt("charge").task("charge", "charge", t -> { }))
                        .branch(b -> b.startAt("notify").task("notify", "notify", t -> { })))
                .task("ship", "ship", t -> t.resultPath("$.ship"))
                .build());
    }
}
