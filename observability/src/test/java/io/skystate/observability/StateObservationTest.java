package io.skystate.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.skystate.api.AlreadyExistsException;
import io.skystate.api.Skystate;
import io.skystate.api.state.Key;
import io.skystate.api.state.PutOptions;
import io.skystate.api.state.StateStore;
import io.skystate.api.state.StateValue;
import io.skystate.local.LocalSkystate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** State calls are timed by store, operation and outcome, and traced as children of the current span. */
class StateObservationTest {
    private final Recorder recorder = new Recorder();
    private final Skystate skystate = recorder.observe(LocalSkystate.builder().withoutHttp().build());

    @AfterEach
    void close() {
        skystate.close();
        recorder.close();
    }

    @Test
    void callsAreTimedByStoreOperationAndOutcome() {
        StateStore orders = skystate.stateStore("orders");
        Key key = Key.of("o", "1");
        orders.putJson(key, java.util.Map.of("total", 3), PutOptions.ifAbsent());
        assertThat(orders.get(key)).isPresent();
        assertThat(orders.getAll(List.of(key, Key.of("o", "2")))).hasSize(1);
        assertThatThrownBy(() -> orders.put(key, StateValue.json("{}"), PutOptions.ifAbsent()))
                .isInstanceOf(AlreadyExistsException.class);
        assertThat(orders.delete(key)).isTrue();

        String meter = SkystateMeters.STATE_OPERATIONS;
        assertThat(recorder.timerCount(meter, "store", "orders", "operation", "put", "outcome", "ok")).isEqualTo(1);
        assertThat(recorder.timerCount(meter, "store", "orders", "operation", "put", "outcome", "ALREADY_EXISTS"))
                .isEqualTo(1);
        assertThat(recorder.timerCount(meter, "store", "orders", "operation", "get", "outcome", "ok")).isEqualTo(1);
        assertThat(recorder.timerCount(meter, "store", "orders", "operation", "getAll", "outcome", "ok")).isEqualTo(1);
        assertThat(recorder.timerCount(meter, "store", "orders", "operation", "delete", "outcome", "ok")).isEqualTo(1);
    }

    @Test
    void spansAreClientChildrenOfTheCurrentSpanAndMarkFailures() throws Exception {
        StateStore orders = skystate.stateStore("orders");
        Key key = Key.of("o", "1");
        Span request = recorder.within("request", () -> {
            orders.put(key, StateValue.json("{}"), PutOptions.ifAbsent());
            assertThatThrownBy(() -> orders.put(key, StateValue.json("{}"), PutOptions.ifAbsent()));
        });
        List<SpanData> puts = recorder.finished().stream().filter(s -> s.getName().equals("state.put orders")).toList();
        assertThat(puts).hasSize(2).allSatisfy(put -> {
            assertThat(put.getKind()).isEqualTo(SpanKind.CLIENT);
            assertThat(put.getParentSpanId()).isEqualTo(request.getSpanContext().getSpanId());
            assertThat(put.getTraceId()).isEqualTo(request.getSpanContext().getTraceId());
            assertThat(put.getAttributes().get(SkystateSpans.STORE)).isEqualTo("orders");
            assertThat(put.getAttributes().get(SkystateSpans.PROVIDER)).isEqualTo("local");
        });
        assertThat(puts.get(0).getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(puts.get(1).getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(puts.get(1).getAttributes().get(SkystateSpans.ERROR_CODE)).isEqualTo("ALREADY_EXISTS");
        assertThat(puts.get(1).getEvents()).anySatisfy(e -> assertThat(e.getName()).isEqualTo("exception"));
    }
}
