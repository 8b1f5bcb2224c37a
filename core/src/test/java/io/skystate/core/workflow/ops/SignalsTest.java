package io.skystate.core.workflow.ops;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skystate.api.InvalidRequestException;
import io.skystate.api.PayloadTooLargeException;
import io.skystate.api.workflow.Workflows;
import io.skystate.core.json.JacksonCodec;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SignalsTest {
    private static final JacksonCodec CODEC = new JacksonCodec("test");

    private static byte[] string(int totalBytes) {
        return ("\"" + "x".repeat(totalBytes - 2) + "\"").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void acceptsPortableNamesAndAnyJsonValueUpToTheLimit() {
        assertThatCode(() -> Signals.check("t", CODEC, "order.approved-2_b", "null".getBytes())).doesNotThrowAnyException();
        assertThatCode(() -> Signals.check("t", CODEC, "x".repeat(64), string(Workflows.MAX_EVENT_PAYLOAD_BYTES)))
                .doesNotThrowAnyException();
    }

    @Test
    void rejectsBadNamesAndPayloadsWithTypedErrors() {
        for (String name : new String[] {null, "", "x".repeat(65), "a b", "caf\u00e9", "a/b"}) {
            assertThatThrownBy(() -> Signals.check("t", CODEC, name, "1".getBytes()))
                    .as("name %s", name).isInstanceOf(InvalidRequestException.class);
        }
        assertThatThrownBy(() -> Signals.check("t", CODEC, "go", null)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> Signals.check("t", CODEC, "go", "{\"a\":".getBytes()))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> Signals.check("t", CODEC, "go", "1 2".getBytes()))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> Signals.check("t", CODEC, "go", string(Workflows.MAX_EVENT_PAYLOAD_BYTES + 1)))
                .isInstanceOf(PayloadTooLargeException.class);
    }
}
