package io.skystate.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.skystate.api.Skystate;
import io.skystate.api.callback.CallbackHandle;
import io.skystate.api.callback.CallbackRequest;
import io.skystate.api.callback.CallbackStatus;
import io.skystate.api.callback.Callbacks;
import io.skystate.local.LocalSkystate;
import java.time.Duration;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A callback's resolution is traced as a child of its creation, even from another process, and its wait is recorded
 * once, whoever observes the resolution and however often.
 */
class CallbackObservationTest {
    @TempDir
    static Path dir;

    private final Recorder recorder = new Recorder();
    private final Path database = dir.resolve(UUID.randomUUID() + ".db");
    private final Skystate skystate = recorder.observe(LocalSkystate.builder().withoutHttp().file(database).build());

    @AfterEach
    void close() {
        skystate.close();
        recorder.close();
    }

    @Test
    void resolutionIsAChildOfCreationAndLinksTheResolver() throws Exception {
        Callbacks callbacks = skystate.callbacks();
        AtomicReference<CallbackHandle> created = new AtomicReference<>();
        Span waiter = recorder.within("waiter",
                () -> created.set(callbacks.create(CallbackRequest.withTimeout(Duration.ofMinutes(5)))));
        CallbackHandle handle = created.get();
        Span completer = recorder.within("completer", () -> callbacks.complete(handle.token(), Map.of("ok", true)));

        SpanData create = recorder.span("callback.create");
        SpanData complete = recorder.span("callback.complete");
        assertThat(create.getParentSpanId()).isEqualTo(waiter.getSpanContext().getSpanId());
        assertThat(complete.getTraceId()).isEqualTo(waiter.getSpanContext().getTraceId());
        assertThat(complete.getParentSpanId()).isEqualTo(create.getSpanId());
        assertThat(complete.getAttributes().get(SkystateSpans.CALLBACK_ID)).isEqualTo(handle.id());
        assertThat(complete.getLinks()).singleElement()
                .satisfies(l -> assertThat(l.getSpanContext().getSpanId()).isEqualTo(completer.getSpanContext().getSpanId()));

        assertThat(callbacks.outcome(handle.id()).status()).isEqualTo(CallbackStatus.COMPLETED);
        assertThat(callbacks.await(handle.id(), Duration.ofSeconds(1)).status()).isEqualTo(CallbackStatus.COMPLETED);
        assertThat(recorder.timerCount(SkystateMeters.CALLBACK_WAIT, "status", "completed")).isEqualTo(1);
        assertThat(recorder.timerCount(SkystateMeters.CALLBACK_OPERATIONS, "operation", "outcome", "outcome", "ok"))
                .isEqualTo(1);
    }

    @Test
    void anotherProcessResolvingJoinsTheCreatorsTrace() throws Exception {
        AtomicReference<CallbackHandle> created = new AtomicReference<>();
        Span waiter = recorder.within("waiter",
                () -> created.set(skystate.callbacks().create(CallbackRequest.withTimeout(Duration.ofMinutes(5)))));
        CallbackHandle handle = created.get();
        // A second instance on the same database file stands in for another process: it shares only the database.
        try (Recorder other = new Recorder();
                Skystate elsewhere = other.observe(LocalSkystate.builder().withoutHttp().file(database).build())) {
            elsewhere.callbacks().fail(handle.token(), "Declined", "no");
            SpanData fail = other.span("callback.fail");
            assertThat(fail.getTraceId()).isEqualTo(waiter.getSpanContext().getTraceId());
            assertThat(fail.getParentSpanId()).isEqualTo(recorder.span("callback.create").getSpanId());
            assertThat(other.timerCount(SkystateMeters.CALLBACK_WAIT, "status", "failed")).isEqualTo(1);
        }
        assertThat(skystate.callbacks().outcome(handle.id()).status()).isEqualTo(CallbackStatus.FAILED);
        assertThat(recorder.timerCount(SkystateMeters.CALLBACK_WAIT, "status", "failed"))
                .as("the other process recorded the wait; this one does not again").isZero();
    }

    @Test
    void aTimeoutIsRecordedWhenAnAwaitSeesIt() throws Exception {
        CallbackHandle handle = skystate.callbacks().create(CallbackRequest.withTimeout(Duration.ofMillis(300)));
        assertThat(skystate.callbacks().await(handle.id(), Duration.ofSeconds(10)).status())
                .isEqualTo(CallbackStatus.TIMED_OUT);
        assertThat(skystate.callbacks().outcome(handle.id()).status()).isEqualTo(CallbackStatus.TIMED_OUT);
        var wait = recorder.registry.get(SkystateMeters.CALLBACK_WAIT).tag("status", "timed_out").timer();
        assertThat(wait.count()).isEqualTo(1);
        assertThat(wait.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(300);
    }
}
