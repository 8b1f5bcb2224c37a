package io.skystate.observability.internal;

import io.opentelemetry.context.Context;
import io.skystate.api.queue.Message;
import io.skystate.api.queue.MessageQueue;
import io.skystate.api.queue.ReceivedMessage;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The W3C trace context in queue message attributes: {@code traceparent} (and {@code tracestate}) are added on
 * send and taken out on receive, so the consumer sees the attributes that were sent. A message that already has a
 * {@code traceparent} keeps it; one that the two attributes would push over {@link MessageQueue#MAX_MESSAGE_BYTES} is
 * sent without them, so observing never makes a send fail. Stateless.
 */
final class TraceAttributes {
    static final String TRACEPARENT = "traceparent";
    static final String TRACESTATE = "tracestate";

    /** A received message without the propagation attributes, and the context they carried (root if none). */
    record Stripped(ReceivedMessage message, Context producer) {
    }

    private TraceAttributes() {
    }

    /** {@code message} carrying {@code context}, or {@code message} itself when it cannot (see the class comment). */
    static Message inject(Message message, Context context) {
        Map<String, String> attributes = message.attributes();
        if (attributes.containsKey(TRACEPARENT)) {
            return message;
        }
        Map<String, String> carrier = Telemetry.inject(context);
        if (carrier.isEmpty()) {
            return message;
        }
        int added = 0;
        for (Map.Entry<String, String> e : carrier.entrySet()) {
            added += e.getKey().getBytes(StandardCharsets.UTF_8).length + e.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        if (message.size() + added > MessageQueue.MAX_MESSAGE_BYTES) {
            return message;
        }
        Map<String, String> merged = new HashMap<>(attributes);
        merged.putAll(carrier);
        return new Message(message.body(), merged);
    }

    static Stripped strip(ReceivedMessage message) {
        Map<String, String> attributes = message.attributes();
        if (!attributes.containsKey(TRACEPARENT) && !attributes.containsKey(TRACESTATE)) {
            return new Stripped(message, Context.root());
        }
        Context producer = Telemetry.extract(attributes);
        Map<String, String> rest = new HashMap<>(attributes);
        rest.remove(TRACEPARENT);
        rest.remove(TRACESTATE);
        return new Stripped(new ReceivedMessage(message.messageId(), message.body(), rest, message.receipt(),
                message.deliveryCount()), producer);
    }
}
