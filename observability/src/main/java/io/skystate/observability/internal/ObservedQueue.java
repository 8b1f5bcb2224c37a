package io.skystate.observability.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.skystate.api.queue.Message;
import io.skystate.api.queue.MessageQueue;
import io.skystate.api.queue.ReceivedMessage;
import io.skystate.observability.SkystateMeters;
import io.skystate.observability.SkystateSpans;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link MessageQueue} that counts and times its calls and carries the trace context in message attributes
 * ({@link TraceAttributes}): {@code queue.send} (producer span, its context injected), {@code queue.receive}
 * (consumer span linked to each message's producer span), {@code queue.ack} (linked to the message's producer
 * span). Delivery semantics, sizes and attributes seen by the consumer are the delegate's. Thread-safe.
 */
final class ObservedQueue implements MessageQueue {
    private final MessageQueue delegate;
    private final Telemetry telemetry;
    private final Operation send;
    private final Operation receive;
    private final Operation ack;
    private final Counter sent;
    private final Counter received;
    private final Counter acked;
    private final Counter redeliveries;
    private final InFlight inFlight = new InFlight();

    ObservedQueue(MessageQueue delegate, Telemetry telemetry, String provider) {
        this.delegate = delegate;
        this.telemetry = telemetry;
        String queue = delegate.name();
        this.send = operation(provider, "send", SpanKind.PRODUCER);
        this.receive = operation(provider, "receive", SpanKind.CONSUMER);
        this.ack = operation(provider, "ack", SpanKind.CLIENT);
        this.sent = telemetry.counter(SkystateMeters.QUEUE_MESSAGES, Tags.of("queue", queue, "event", "sent"));
        this.received = telemetry.counter(SkystateMeters.QUEUE_MESSAGES, Tags.of("queue", queue, "event", "received"));
        this.acked = telemetry.counter(SkystateMeters.QUEUE_MESSAGES, Tags.of("queue", queue, "event", "acked"));
        this.redeliveries = telemetry.counter(SkystateMeters.QUEUE_REDELIVERIES, Tags.of("queue", queue));
        if (telemetry.metrics()) {
            Gauge.builder(SkystateMeters.QUEUE_PROCESS_IN_FLIGHT, inFlight, InFlight::count).tag("queue", queue)
                    .strongReference(true).register(telemetry.registry());
        }
    }

    private Operation operation(String provider, String name, SpanKind kind) {
        String queue = delegate.name();
        return telemetry.operation(SkystateMeters.QUEUE_OPERATIONS, Tags.of("queue", queue, "operation", name),
                "queue." + name + " " + queue, kind, Attributes.of(SkystateSpans.QUEUE, queue,
                        SkystateSpans.OPERATION, name, SkystateSpans.PROVIDER, provider));
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public String send(Message message) {
        return send.call(() -> {
            Message out = telemetry.tracing() ? TraceAttributes.inject(message, Context.current()) : message;
            telemetry.currentSpan().setAttribute(SkystateSpans.TRACE_INJECTED, out != message);
            String id = delegate.send(out);
            sent.increment();
            return id;
        });
    }

    @Override
    public List<ReceivedMessage> receive(int maxMessages, Duration visibilityTimeout, Duration maxWait) {
        return receive.call(() -> {
            List<ReceivedMessage> messages = delegate.receive(maxMessages, visibilityTimeout, maxWait);
            List<ReceivedMessage> out = new ArrayList<>(messages.size());
            Span span = telemetry.currentSpan();
            for (ReceivedMessage message : messages) {
                TraceAttributes.Stripped stripped = TraceAttributes.strip(message);
                out.add(stripped.message());
                inFlight.hold(message.receipt(), visibilityTimeout, stripped.producer());
                link(span, stripped.producer());
                received.increment();
                if (message.deliveryCount() > 1) {
                    redeliveries.increment();
                }
            }
            span.setAttribute(SkystateSpans.MESSAGE_COUNT, out.size());
            return out;
        });
    }

    @Override
    public void ack(String receipt) {
        ack.call(() -> {
            delegate.ack(receipt);
            inFlight.release(receipt).ifPresent(producer -> link(telemetry.currentSpan(), producer));
            acked.increment();
            return null;
        });
    }

    /** The producer's trace context of a message this process received and has not acknowledged. */
    Optional<Context> producerContext(String receipt) {
        return inFlight.producer(receipt).filter(c -> Span.fromContext(c).getSpanContext().isValid());
    }

    private static void link(Span span, Context producer) {
        SpanContext linked = Span.fromContext(producer).getSpanContext();
        if (linked.isValid()) {
            span.addLink(linked);
        }
    }
}
