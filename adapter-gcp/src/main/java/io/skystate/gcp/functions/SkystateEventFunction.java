package io.skystate.gcp.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.cloud.functions.CloudEventsFunction;
import io.cloudevents.CloudEvent;
import io.skystate.api.InvalidRequestException;
import io.skystate.gcp.GcpSkystate;
import io.skystate.gcp.internal.GcpErrors;
import io.skystate.gcp.internal.pubsub.PubSubMessages;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Pub/Sub-driven entry point: a CloudEvents Cloud Function triggered by a topic (Eventarc's
 * {@code google.cloud.pubsub.topic.v1.messagePublished}). Each message runs one handler with the message body as
 * its JSON input: the handler named by the message attribute {@value #HANDLER_ATTRIBUTE}, else by
 * {@code SKYSTATE_HANDLER}. Messages sent through a Skystate queue decode as they were sent (envelopes included). The
 * invocation id is the message id and the attempt Pub/Sub's delivery attempt. A failing handler fails the invocation,
 * so Pub/Sub redelivers: handlers run at least once. Thread-safe.
 */
public final class SkystateEventFunction implements CloudEventsFunction {
    /** The message attribute naming the handler to run. */
    public static final String HANDLER_ATTRIBUTE = "skystate-handler";

    private final GcpSkystate skystate;
    private final String defaultHandler;

    public SkystateEventFunction() {
        this(FunctionRuntime.skystate(), FunctionRuntime.configuration().get("SKYSTATE_HANDLER"));
    }

    public SkystateEventFunction(GcpSkystate skystate, String defaultHandler) {
        this.skystate = skystate;
        this.defaultHandler = defaultHandler;
    }

    @Override
    public void accept(CloudEvent event) {
        if (event.getData() == null) {
            throw new InvalidRequestException(GcpErrors.PROVIDER, "event " + event.getId() + " carries no Pub/Sub message");
        }
        JsonNode data = skystate.jacksonCodec().tree(event.getData().toBytes());
        JsonNode message = data.path("message");
        Map<String, String> attributes = new LinkedHashMap<>();
        message.path("attributes").properties().forEach(e -> attributes.put(e.getKey(), e.getValue().asText()));
        PubSubMessages.Decoded decoded = new PubSubMessages(skystate.jacksonCodec())
                .decode(Base64.getDecoder().decode(message.path("data").asText("")), attributes);
        String handler = decoded.attributes().getOrDefault(HANDLER_ATTRIBUTE, defaultHandler);
        if (handler == null) {
            throw new InvalidRequestException(GcpErrors.PROVIDER, "message " + message.path("messageId").asText()
                    + " names no handler: set the attribute " + HANDLER_ATTRIBUTE + " or SKYSTATE_HANDLER");
        }
        String invocationId = message.path("messageId").asText(event.getId());
        int attempt = Math.max(1, data.path("deliveryAttempt").asInt(1));
        skystate.handlerRegistry().invokeJson(handler, decoded.body(), invocationId, attempt);
    }
}
