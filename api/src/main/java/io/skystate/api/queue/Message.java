package io.skystate.api.queue;

import io.skystate.api.Arguments;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A message to send: a body and string attributes. Immutable. */
public final class Message {
    private final byte[] body;
    private final Map<String, String> attributes;

    public Message(byte[] body, Map<String, String> attributes) {
        this.body = Arguments.notNull(body, "body").clone();
        this.attributes = Map.copyOf(attributes);
    }

    public static Message of(String text) {
        return new Message(text.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public static Message of(String text, Map<String, String> attributes) {
        return new Message(text.getBytes(StandardCharsets.UTF_8), attributes);
    }

    public byte[] body() {
        return body.clone();
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public Map<String, String> attributes() {
        return attributes;
    }

    /** Body bytes plus UTF-8 bytes of every attribute name and value: what {@link MessageQueue#MAX_MESSAGE_BYTES} caps. */
    public int size() {
        int size = body.length;
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            size += e.getKey().getBytes(StandardCharsets.UTF_8).length + e.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        return size;
    }
}
