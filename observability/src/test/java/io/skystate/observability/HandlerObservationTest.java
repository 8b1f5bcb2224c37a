package io.skystate.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.skystate.api.Skystate;
import io.skystate.api.handler.HandlerDefinition;
import io.skystate.api.handler.HandlerFailedException;
import io.skystate.api.state.Key;
import io.skystate.api.state.StateValue;
import io.skystate.api.workflow.RetryRule;
import io.skystate.api.workflow.RunStatus;
import io.skystate.api.workflow.StepFailure;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.local.LocalSkystate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Handlers registered on the observed instance are timed and traced wherever they run, see the observed instance in
 * their context, and count their retries; their results and exceptions are unchanged.
 */
class HandlerObservationTest {
    private final Recorder recorder = new Recorder();
    private final Skystate skystate = recorder.observe(LocalSkystate.builder().withoutHttp().build());

    @AfterEach
    void close() {
        skystate.close();
        recorder.close();
    }

    @Test
    void aDirectInvocationIsAChildOfTheCallerAndItsStateCallsAreItsChildren() throws Exception {
        skystate.handlers().register(HandlerDefinition.of("save", String.class, String.class, (input, context) -> {
            assertThat(context.skystate()).isSameAs(skystate);
            context.skystate().stateStore("saved").put(Key.of("s", input), StateValue.json("{}"));
            return "saved " + input;
        }));
        Span caller = recorder.within("caller",
                () -> assertThat(skystate.handlers().invoke("save", "x", String.class)).isEqualTo("saved x"));
        SpanData handler = recorder.span("handler save");
        assertThat(handler.getParentSpanId()).isEqualTo(caller.getSpanContext().getSpanId());
        assertThat(handler.getAttributes().get(SkystateSpans.ATTEMPT)).isEqualTo(1L);
        assertThat(handler.getAttributes().get(SkystateSpans.STEP_KIND)).isEqualTo("direct");
        assertThat(recorder.span("state.put saved").getParentSpanId()).isEqualTo(handler.getSpanId());
        assertThat(recorder.timerCount(SkystateMeters.HANDLER_INVOCATIONS, "handler", "save", "kind", "direct",
                "outcome", "ok")).isEqualTo(1);
    }

    @Test
    void aFailureKeepsItsExceptionAndIsTaggedWithItsType() {
        skystate.handlers().register(HandlerDefinition.ofFunction("broken", String.class, String.class, input -> {
            throw new IllegalStateException("broken on purpose");
        }));
        assertThatThrownBy(() -> skystate.handlers().invoke("broken", "x", String.class))
                .isInstanceOf(HandlerFailedException.class).hasRootCauseInstanceOf(IllegalStateException.class);
        assertThat(recorder.timerCount(SkystateMeters.HANDLER_INVOCATIONS, "handler", "broken",
                "outcome", "IllegalStateException")).isEqualTo(1);
        assertThat(recorder.span("handler broken").getAttributes().get(SkystateSpans.ERROR_CODE))
                .isEqualTo("IllegalStateException");
    }

    @Test
    void workflowRetriesAreCounted() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        skystate.handlers().register(HandlerDefinition.ofFunction("flaky", Map.class, Map.class, input -> {
            if (calls.incrementAndGet() < 3) {
                throw new StepFailure("Flaky", "attempt " + calls.get());
            }
            return Map.of("ok", true);
        }));
        skystate.workflows().register(WorkflowDefinition.builder("retrying", 1).startAt("fetch")
                .task("fetch", "flaky", t -> t.retry(RetryRule.on(List.of("Flaky"), 3, Duration.ofSeconds(1), 1.0)))
                .build());
        skystate.workflows().start("retrying", "retry-1", Map.of());
        assertThat(skystate.workflows().await("retry-1", Duration.ofSeconds(30)).status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(recorder.counted(SkystateMeters.HANDLER_RETRIES, "handler", "flaky")).isEqualTo(2);
        assertThat(recorder.timerCount(SkystateMeters.HANDLER_INVOCATIONS, "handler", "flaky", "outcome", "Flaky"))
                .isEqualTo(2);
    }
}
