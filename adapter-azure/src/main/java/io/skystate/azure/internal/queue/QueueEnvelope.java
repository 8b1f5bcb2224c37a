package io.skystate.azure.internal.queue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skystate.core.json.JacksonCodec;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bytes of one Storage queue message (sent Base64-encoded, which is what Azure Functions' queue trigger expects):
 * a one-line JSON header, a newline, then the raw body. The header holds the attributes ({@code "a"}), or only a
 * claim id ({@code "c"}) when the whole envelope went to the claim store because its Base64 form would exceed the
 * queue's 64 KiB. Text not in this form (sent by something else) is read as a body without attributes. Stateless.
 */
final class QueueEnvelope {
    /** The largest envelope whose Base64 fits a 64 KiB queue message. */
    static final int MAX_INLINE_BYTES = 64 * 1024 / 4 * 3;

    private QueueEnvelope() {
    }

    /** A parsed envelope: either inline (body and attributes) or a reference to a claimed one. */
    record Parsed(byte[] body, Map<String, String> attributes, String claimId) {
    }

    static byte[] inline(JacksonCodec codec, byte[] body, Map<String, String> attributes) {
        ObjectNode header = codec.mapper().createObjectNode();
        ObjectNode a = header.putObject("a");
        attributes.forEach(a::put);
        return join(codec.encode(header), body);
    }

    static byte[] claim(JacksonCodec codec, String claimId) {
        ObjectNode header = codec.mapper().createObjectNode().put("c", claimId);
        return join(codec.encode(header), new byte[0]);
    }

    static Parsed parse(JacksonCodec codec, byte[] envelope) {
        int newline = indexOf(envelope, (byte) '\n');
        if (newline > 0 && envelope[0] == '{') {
            try {
                JsonNode header = codec.tree(Arrays.copyOf(envelope, newline));
                if (header.has("c")) {
                    return new Parsed(null, Map.of(), header.get("c").asText());
                }
                if (header.path("a").isObject()) {
                    Map<String, String> attributes = new LinkedHashMap<>();
                    header.get("a").properties().forEach(e -> attributes.put(e.getKey(), e.getValue().asText()));
                    return new Parsed(Arrays.copyOfRange(envelope, newline + 1, envelope.length), attributes, null);
                }
            } catch (RuntimeException notOurs) {
                // not a Skystate envelope: the whole message is the body
            }
        }
        return new Parsed(envelope, Map.of(), null);
    }

    private static byte[] join(byte[] header, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(header.length + 1 + body.length);
        out.writeBytes(header);
        out.write('\n');
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
