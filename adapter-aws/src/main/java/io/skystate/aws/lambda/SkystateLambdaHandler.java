package io.skystate.aws.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.skystate.api.handler.HandlerFailedException;
import io.skystate.aws.AwsSkystate;
import io.skystate.core.handler.HandlerRegistry;
import io.skystate.core.json.JacksonCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The Lambda entry point for Skystate handlers, with no Spring: the event is the handler's JSON input and the
 * response its JSON output. Which handler runs is the {@code SKYSTATE_HANDLER} environment variable, else the
 * Lambda function's name; a handler's exception propagates so Lambda reports it as the invocation's error (its
 * type becomes the workflow error name). An SQS event (the SAM template's source on the workflow task queue) is
 * run message by message as workflow tasks, answering their task tokens; failed messages are reported as
 * {@code batchItemFailures} so SQS redelivers only those. Handlers come from the
 * {@link io.skystate.api.handler.HandlerModule}s on the class path.
 */
public final class SkystateLambdaHandler implements RequestStreamHandler {
    private final AwsSkystate skystate;
    private final String handlerName;

    public SkystateLambdaHandler() {
        this(LambdaRuntime.skystate(), System.getenv("SKYSTATE_HANDLER"));
    }

    public SkystateLambdaHandler(AwsSkystate skystate, String handlerName) {
        this.skystate = skystate;
        this.handlerName = handlerName;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String name = handlerName != null ? handlerName : context.getFunctionName();
        byte[] read = input.readAllBytes();
        byte[] event = read.length == 0 ? "null".getBytes(StandardCharsets.UTF_8) : read;
        if (mayBeSqsEvent(skystate.jacksonCodec(), event)) { // only then a tree: a plain event goes to the handler as it came
            JsonNode parsed = skystate.jacksonCodec().tree(event);
            if (isSqsEvent(parsed)) {
                output.write(skystate.jacksonCodec().encode(runTaskMessages(parsed)));
                return;
            }
        }
        HandlerRegistry registry = skystate.handlerRegistry();
        try {
            output.write(registry.invokeJson(name, event, context.getAwsRequestId(), 1));
        } catch (HandlerFailedException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    /**
     * Whether the event is an object with a top-level {@code Records} member, found with the streaming parser the
     * handler's input decoding uses anyway (no tree, no tree serializer on a cold start's first request); a
     * malformed event answers {@code true}, so the tree reports it as before.
     */
    static boolean mayBeSqsEvent(JacksonCodec codec, byte[] event) {
        try (JsonParser parser = codec.mapper().createParser(event)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                if ("Records".equals(parser.currentName())) {
                    return true;
                }
                parser.nextToken();
                parser.skipChildren();
            }
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private static boolean isSqsEvent(JsonNode event) {
        JsonNode records = event.path("Records");
        return records.isArray() && !records.isEmpty() && "aws:sqs".equals(records.get(0).path("eventSource").asText());
    }

    private java.util.Map<String, Object> runTaskMessages(JsonNode event) {
        java.util.List<java.util.Map<String, String>> failures = new java.util.ArrayList<>();
        for (JsonNode record : event.path("Records")) {
            try {
                skystate.handleWorkflowTaskMessage(record.path("body").asText().getBytes(StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                failures.add(java.util.Map.of("itemIdentifier", record.path("messageId").asText()));
            }
        }
        return java.util.Map.of("batchItemFailures", failures);
    }
}
