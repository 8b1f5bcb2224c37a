package io.skystate.api.queue;

import io.skystate.api.Arguments;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A received message. {@code receipt} identifies this delivery for {@link MessageQueue#ack};
 * {@code deliveryCount} is 1 on first delivery and grows with every redelivery.
 */
public record ReceivedMessage(String messageId, byte[] body, Map<String, String> attributes, String receipt,
        int deliveryCount) {
    public ReceivedMessage {
        Arguments.notNull(messageId, "messageId");
        body = body.clone();
        attributes = Map.copyOf(attributes);
        Arguments.notNull(receipt, "receipt");
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
