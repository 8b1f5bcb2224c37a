package io.skystate.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.skystate.api.Skystate;
import io.skystate.api.queue.Message;
import io.skystate.api.queue.MessageQueue;
import io.skystate.api.queue.ReceivedMessage;
import io.skystate.local.LocalSkystate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Messages carry the producer's trace context in {@code traceparent}, which the consumer side takes out again; what
 * this process has in flight is a gauge; a message the context would push over the size cap is sent without it.
 */
class QueueObservationTest {
    private static final Duration VISIBILITY = Duration.ofSeconds(30);
    private static final Duration WAIT = Duration.ofSeconds(2);

    private final Recorder recorder = new Recorder();
    private final LocalSkystate plain = LocalSkystate.builder().withoutHttp().build();
    private final Skystate skystate = recorder.observe(plain);

    @AfterEach
    void close() {
        skystate.close();
        recorder.close();
    }

    @Test
    void contextTravelsInAttributesAndIsTakenOutOnReceive() throws Exception {
        MessageQueue jobs = skystate.queue("jobs");
        Span producer = recorder.within("producer", () -> jobs.send(Message.of("work", Map.of("kind", "invoice"))));
        assertThat(plain.queue("jobs").receive(1, Duration.ofMillis(1), WAIT)).singleElement()
                .satisfies(raw -> assertThat(raw.attributes()).containsKey("traceparent").containsEntry("kind", "invoice"));
        ReceivedMessage message = receiveOne(jobs);

        assertThat(message.attributes()).isEqualTo(Map.of("kind", "invoice"));
        SpanData send = recorder.span("queue.send jobs");
        assertThat(send.getParentSpanId()).isEqualTo(producer.getSpanContext().getSpanId());
        assertThat(send.getAttributes().get(SkystateSpans.TRACE_INJECTED)).isTrue();
        Context sent = SkystateObservability.messageContext(skystate, message).orElseThrow();
        assertThat(Span.fromContext(sent).getSpanContext().getSpanId()).isEqualTo(send.getSpanId());
        assertThat(recorder.finished().stream().filter(s -> s.getName().equals("queue.receive jobs"))
                .filter(s -> s.getLinks().stream().anyMatch(l -> l.getSpanContext().getSpanId().equals(send.getSpanId()))))
                .hasSize(1);

        jobs.ack(message.receipt());
        assertThat(SkystateObservability.messageContext(skystate, message)).isEmpty();
        assertThat(recorder.span("queue.ack jobs").getLinks()).singleElement()
                .satisfies(l -> assertThat(l.getSpanContext().getSpanId()).isEqualTo(send.getSpanId()));
    }

    @Test
    void countsWhatThisProcessSentReceivedAckedAndHolds() {
        MessageQueue jobs = skystate.queue("jobs");
        jobs.send(Message.of("a"));
        jobs.send(Message.of("b"));
        ReceivedMessage first = receiveOne(jobs);
        ReceivedMessage second = receiveOne(jobs);
        Gauge inFlight = recorder.registry.get(SkystateMeters.QUEUE_PROCESS_IN_FLIGHT).tag("queue", "jobs").gauge();
        assertThat(inFlight.value()).isEqualTo(2.0);
        jobs.ack(first.receipt());
        assertThat(inFlight.value()).isEqualTo(1.0);

        assertThat(recorder.counted(SkystateMeters.QUEUE_MESSAGES, "queue", "jobs", "event", "sent")).isEqualTo(2);
        assertThat(recorder.counted(SkystateMeters.QUEUE_MESSAGES, "queue", "jobs", "event", "received")).isEqualTo(2);
        assertThat(recorder.counted(SkystateMeters.QUEUE_MESSAGES, "queue", "jobs", "event", "acked")).isEqualTo(1);
        assertThat(recorder.timerCount(SkystateMeters.QUEUE_OPERATIONS, "queue", "jobs", "operation", "ack",
                "outcome", "ok")).isEqualTo(1);
        assertThat(second.bodyText()).isIn("a", "b");
    }

    @Test
    void aMessageAtTheSizeCapIsSentWithoutContext() {
        MessageQueue jobs = skystate.queue("jobs");
        byte[] body = new byte[MessageQueue.MAX_MESSAGE_BYTES - 5];
        jobs.send(new Message(body, Map.of("k", "abcd")));
        ReceivedMessage message = receiveOne(jobs);
        assertThat(message.body()).isEqualTo(body);
        assertThat(message.attributes()).isEqualTo(Map.of("k", "abcd"));
        assertThat(recorder.span("queue.send jobs").getAttributes().get(SkystateSpans.TRACE_INJECTED)).isFalse();
    }

    @Test
    void withMetricsOnlyNothingIsInjectedAndTheApplicationsSpanIsLeftAlone() throws Exception {
        try (LocalSkystate other = LocalSkystate.builder().withoutHttp().build();
                Skystate metricsOnly = SkystateObservability.builder().meterRegistry(recorder.registry).build().wrap(other)) {
            MessageQueue jobs = metricsOnly.queue("jobs");
            recorder.within("application", () -> jobs.send(Message.of("work")));
            assertThat(other.queue("jobs").receive(1, VISIBILITY, WAIT)).singleElement()
                    .satisfies(raw -> assertThat(raw.attributes()).isEmpty());
            assertThat(recorder.span("application").getAttributes().asMap()).isEmpty();
            assertThat(recorder.counted(SkystateMeters.QUEUE_MESSAGES, "queue", "jobs", "event", "sent")).isEqualTo(1);
        }
    }

    private static ReceivedMessage receiveOne(MessageQueue queue) {
        List<ReceivedMessage> received = queue.receive(1, VISIBILITY, WAIT);
        assertThat(received).hasSize(1);
        return received.get(0);
    }
}
