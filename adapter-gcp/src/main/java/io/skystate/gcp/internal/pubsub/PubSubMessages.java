package io.skystate.gcp.internal.pubsub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.PubsubMessage;
import io.skystate.api.queue.Message;
import io.skystate.core.json.JacksonCodec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Portable messages as Pub/Sub messages. Attributes travel as Pub/Sub attributes when they fit Pub/Sub's rules (at
 * most 100, names of 1-256 bytes not starting with {@code goog}, values of at most 1,024 bytes) and the message is
 * not empty; otherwise body and attributes travel together in a small JSON envelope in the data, flagged by the
 * attribute {@value #ENVELOPE}. Both forms decode to the message that was sent. Used by the queue and by the
 * Pub/Sub-triggered function entry point. Thread-safe.
 */
public final class PubSubMessages {
    /** The attribute that marks an enveloped message. */
    public static final String ENVELOPE = "skystate-envelope";

    private final JacksonCodec codec;

    public PubSubMessages(JacksonCodec codec) {
        this.codec = codec;
    }

    /** A decoded message: the body and attributes the sender gave. */
    public record Decoded(byte[] body, Map<String, String> attributes) {
    }

    public PubsubMessage encode(Message message) {
        if (fitsNatively(message)) {
            return PubsubMessage.newBuilder().setData(ByteString.copyFrom(message.body()))
                    .putAllAttributes(message.attributes()).build();
        }
        ObjectNode envelope = codec.mapper().createObjectNode();
        envelope.put("body", Base64.getEncoder().encodeToString(message.body()));
        ObjectNode attributes = envelope.putObject("attributes");
        message.attributes().forEach(attributes::put);
        return PubsubMessage.newBuilder().setData(ByteString.copyFrom(codec.encode(envelope)))
                .putAttributes(ENVELOPE, "1").build();
    }

    public Decoded decode(byte[] data, Map<String, String> attributes) {
        if (!attributes.containsKey(ENVELOPE)) {
            return new Decoded(data, attributes);
        }
        JsonNode envelope = codec.tree(data);
        Map<String, String> original = new LinkedHashMap<>();
        envelope.path("attributes").properties().forEach(e -> original.put(e.getKey(), e.getValue().asText()));
        return new Decoded(Base64.getDecoder().decode(envelope.path("body").asText("")), original);
    }

    private static boolean fitsNatively(Message message) {
        Map<String, String> attributes = message.attributes();
        if ((message.body().length == 0 && attributes.isEmpty()) || attributes.size() > 100) {
            return false;
        }
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            int nameBytes = e.getKey().getBytes(StandardCharsets.UTF_8).length;
            if (nameBytes == 0 || nameBytes > 256 || e.getKey().startsWith("goog") || e.getKey().equals(ENVELOPE)
                    || e.getValue().getBytes(StandardCharsets.UTF_8).length > 1024) {
                return false;
            }
        }
        return true;
    }
}
