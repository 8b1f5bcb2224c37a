package io.skystate.aws.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skystate.aws.AwsSkystate;
import io.skystate.core.callback.CallbackHttpEndpoint;
import io.skystate.core.json.JacksonCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The HTTP face of a Skystate app on AWS, deployed as a Lambda with a Function URL: {@code POST
 * /skystate/callbacks/<token>} and {@code /skystate/workflow-callbacks/<task token>} speak the callback URL protocol
 * (for {@link io.skystate.api.callback.Callbacks} tokens and workflow step tokens); {@code POST
 * /skystate/handlers/<name>} invokes a handler (JSON in, JSON out; 401 unsigned or replayed, 400 bad input, 404
 * unknown handler, 500 handler failure) only when handler endpoints are enabled, and answers 404 otherwise: a
 * Function URL is public, and a signed request is the only credential it accepts. It reads Function URL
 * (payload format 2.0) events and writes their responses. Without constructor arguments it uses
 * {@link LambdaRuntime}'s instance, configured from the environment.
 */
public final class FunctionUrlHandler implements RequestStreamHandler {
    private static final String CALLBACKS = "/skystate/callbacks/";
    private static final String HANDLERS = "/skystate/handlers/";
    private static final String WORKFLOW_CALLBACKS = "/skystate/workflow-callbacks/";

    private final AwsSkystate skystate;

    public FunctionUrlHandler() {
        this(LambdaRuntime.skystate());
    }

    public FunctionUrlHandler(AwsSkystate skystate) {
        this.skystate = skystate;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JacksonCodec codec = skystate.jacksonCodec();
        JsonNode event = codec.mapper().readTree(input);
        String method = event.path("requestContext").path("http").path("method").asText("");
        String path = event.path("rawPath").asText("");
        byte[] body = event.path("isBase64Encoded").asBoolean(false)
                ? Base64.getDecoder().decode(event.path("body").asText(""))
                : event.path("body").asText("").getBytes(StandardCharsets.UTF_8);
        CallbackHttpEndpoint.Reply reply;
        if (!"POST".equals(method)) {
            reply = new CallbackHttpEndpoint.Reply(405, codec.encode(Map.of("error", "METHOD_NOT_ALLOWED")));
        } else if (path.startsWith(CALLBACKS)) {
            reply = new CallbackHttpEndpoint(skystate.callbackService(), codec).handle(tail(path, CALLBACKS), body);
        } else if (path.startsWith(WORKFLOW_CALLBACKS)) {
            reply = CallbackHttpEndpoint.forWorkflows(skystate.workflows(), codec).handle(tail(path, WORKFLOW_CALLBACKS), body);
        } else if (path.startsWith(HANDLERS) && skystate.handlerEndpoint().isPresent()) {
            reply = skystate.handlerEndpoint().get().handle(tail(path, HANDLERS), headers(event), body);
        } else {
            reply = new CallbackHttpEndpoint.Reply(404, codec.encode(Map.of("error", "NOT_FOUND")));
        }
        ObjectNode response = codec.mapper().createObjectNode();
        response.put("statusCode", reply.status());
        response.putObject("headers").put("Content-Type", "application/json");
        response.put("body", new String(reply.body(), StandardCharsets.UTF_8));
        response.put("isBase64Encoded", false);
        codec.mapper().writeValue(output, response);
    }

    private static Map<String, String> headers(JsonNode event) {
        Map<String, String> headers = new java.util.HashMap<>();
        event.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
        return headers;
    }

    private static String tail(String path, String prefix) {
        return URLDecoder.decode(path.substring(prefix.length()), StandardCharsets.UTF_8);
    }
}
