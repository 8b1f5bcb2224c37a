package io.skystate.api.queue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * A received message. {@code receipt} identifies this delivery for {@link MessageQueue#ack};
 * {@code deliveryCount} is 1 on first delivery and grows with every redelivery.
 */
public record ReceivedMessage(String messageId, byte[] body, Map<String, String> attributes, String receipt,
        int deliveryCount) {
    public ReceivedMessage {
        Objects.requireNonNull(messageId, "messageId");
        body = body.clone();
        attributes = Map.copyOf(attributes);
        Objects.requireNonNull(receipt, "receipt");
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
