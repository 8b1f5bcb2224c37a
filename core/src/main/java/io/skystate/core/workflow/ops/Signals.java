package io.skystate.core.workflow.ops;

import io.skystate.api.InvalidRequestException;
import io.skystate.api.PayloadTooLargeException;
import io.skystate.api.workflow.Workflows;
import io.skystate.core.json.JacksonCodec;
import io.skystate.core.workflow.EventNames;

/**
 * What every engine checks of a {@linkplain Workflows#signal signal} before it records anything: the event name
 * ({@link EventNames}), the payload's size (at most {@value Workflows#MAX_EVENT_PAYLOAD_BYTES} bytes) and that it is
 * exactly one JSON value. The run's existence and status are the engine's to check. Thread-safe.
 */
public final class Signals {
    private Signals() {
    }

    /**
     * Throws {@link InvalidRequestException} for a bad name or payload, {@link PayloadTooLargeException} for an
     * oversize one.
     */
    public static void check(String provider, JacksonCodec codec, String event, byte[] payloadJson) {
        if (!EventNames.isValid(event)) {
            throw new InvalidRequestException(provider, "event names are 1-" + Workflows.MAX_EVENT_NAME_LENGTH
                    + " chars of [A-Za-z0-9_.-]: '" + event + "'");
        }
        if (payloadJson == null) {
            throw new InvalidRequestException(provider, "an event needs a JSON payload (JSON null is one)");
        }
        if (payloadJson.length > Workflows.MAX_EVENT_PAYLOAD_BYTES) {
            throw new PayloadTooLargeException(provider, "event payload of " + payloadJson.length + " bytes; the most is "
                    + Workflows.MAX_EVENT_PAYLOAD_BYTES);
        }
        codec.validate(payloadJson);
    }
}
