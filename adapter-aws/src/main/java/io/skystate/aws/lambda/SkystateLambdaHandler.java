package io.skystate.aws.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.skystate.api.handler.HandlerFailedException;
import io.skystate.aws.AwsSkystate;
import io.skystate.core.handler.HandlerRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The Lambda entry point for Skystate handlers, with no Spring: the event is the handler's JSON input and the
 * response its JSON output. Which handler runs is the {@code SKYSTATE_HANDLER} environment variable, else the
 * Lambda function's name; a handler's exception propagates so Lambda reports it as the invocation's error (its
 * type becomes the workflow error name). SQS batches from the workflow task queue are run by the worker instead
 * (see the SAM template). Handlers come from the {@link io.skystate.api.handler.HandlerModule}s on the class path.
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
        byte[] event = input.readAllBytes();
        JsonNode parsed = skystate.jacksonCodec().tree(event.length == 0 ? "null".getBytes(StandardCharsets.UTF_8) : event);
        HandlerRegistry registry = skystate.handlerRegistry();
        try {
            output.write(registry.invokeJson(name, skystate.jacksonCodec().encode(parsed), context.getAwsRequestId(), 1));
        } catch (HandlerFailedException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }
}
