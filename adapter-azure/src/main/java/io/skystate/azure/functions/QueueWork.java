package io.skystate.azure.functions;

import io.skystate.api.queue.Message;
import java.util.Map;

/**
 * The message format of queue-driven work: the body is a handler's JSON input and the attribute
 * {@value #HANDLER} names the handler. Send it to the queue the app setting {@code SKYSTATE_WORK_QUEUE} names and
 * {@link SkystateFunctions#work} runs it. Stateless.
 */
public final class QueueWork {
    /** The attribute naming the handler to run. */
    public static final String HANDLER = "skystate-handler";

    private QueueWork() {
    }

    /** A work message for handler {@code name} with {@code inputJson} as its input. */
    public static Message message(String handler, byte[] inputJson) {
        return new Message(inputJson, Map.of(HANDLER, handler));
    }
}
