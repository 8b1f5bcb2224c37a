package io.skystate.gcp.functions;

import com.google.cloud.functions.HttpFunction;
import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import io.skystate.core.callback.CallbackHttpEndpoint;
import io.skystate.core.callback.CallbackHttpEndpoint.Reply;
import io.skystate.core.json.JacksonCodec;
import io.skystate.gcp.GcpSkystate;
import io.skystate.gcp.internal.workflows.TaskEndpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The HTTP face of a Skystate app on Google Cloud, deployed as an HTTP Cloud Function: {@code POST
 * /skystate/callbacks/<token>} and {@code /skystate/workflow-callbacks/<token>} speak the callback URL protocol
 * ({@link CallbackHttpEndpoint}; 204, 400, 403, 409, 410, 413; when workflows are on, the workflow engine's
 * {@link TaskEndpoint} serves the latter and relays the outcome to the waiting execution, and also
 * {@code /skystate/workflow-tasks/<op>}, which the workflows call), and {@code POST /skystate/handlers/<name>} invokes a
 * handler through core's {@code HandlerHttpEndpoint} (signed, single-use requests: 401 otherwise) — only when
 * handler endpoints are switched on ({@code SKYSTATE_HANDLER_ENDPOINTS=true}), else 404, since a function URL that
 * allows unauthenticated calls is public. Other methods answer 405, other paths 404, bodies over 1 MiB
 * 413. The path may carry a leading function name ({@code /<function>/skystate/...}). Without constructor arguments
 * it serves {@link FunctionRuntime}'s instance. Thread-safe.
 */
public final class SkystateHttpFunction implements HttpFunction {
    static final String CALLBACKS = "/skystate/callbacks/";
    static final String WORKFLOW_CALLBACKS = "/skystate/workflow-callbacks/";
    static final String HANDLERS = "/skystate/handlers/";
    private static final int MAX_BODY_BYTES = 1 << 20;

    private final GcpSkystate skystate;

    public SkystateHttpFunction() {
        this(FunctionRuntime.skystate());
    }

    public SkystateHttpFunction(GcpSkystate skystate) {
        this.skystate = skystate;
    }

    @Override
    public void service(HttpRequest request, HttpResponse response) throws IOException {
        JacksonCodec codec = skystate.jacksonCodec();
        String path = URI.create(request.getUri()).getRawPath();
        int skystatePath = path == null ? -1 : path.indexOf("/skystate/");
        path = skystatePath < 0 ? "" : path.substring(skystatePath);
        Reply reply;
        if (!"POST".equals(request.getMethod())) {
            reply = error(codec, 405, "METHOD_NOT_ALLOWED");
        } else {
            byte[] body = readBody(request.getInputStream());
            if (body == null) {
                reply = error(codec, 413, "PAYLOAD_TOO_LARGE");
            } else if (TaskEndpoint.serves(path) && skystate.workflowEndpoint().isPresent()) {
                TaskEndpoint.Reply answer = skystate.workflowEndpoint().get().handle(request.getMethod(), path,
                        request.getHeaders(), body);
                reply = new Reply(answer.status(), answer.body());
            } else {
                reply = route(path, headers(request), body, codec);
            }
        }
        response.setStatusCode(reply.status());
        response.setContentType("application/json");
        if (reply.body().length > 0) {
            try (OutputStream out = response.getOutputStream()) {
                out.write(reply.body());
            }
        }
    }

    private Reply route(String path, Map<String, String> headers, byte[] body, JacksonCodec codec) {
        if (path.startsWith(CALLBACKS)) {
            return new CallbackHttpEndpoint(skystate.callbackService(), codec).handle(tail(path, CALLBACKS), body);
        }
        if (path.startsWith(WORKFLOW_CALLBACKS)) {
            return new CallbackHttpEndpoint(skystate.workflowCallbackService(), codec)
                    .handle(tail(path, WORKFLOW_CALLBACKS), body);
        }
        if (path.startsWith(HANDLERS) && skystate.handlerEndpoint().isPresent()) {
            return skystate.handlerEndpoint().get().handle(tail(path, HANDLERS), headers, body);
        }
        return error(codec, 404, "NOT_FOUND");
    }

    /** The request headers, first value each, names lower-cased (HTTP header names are case-insensitive). */
    private static Map<String, String> headers(HttpRequest request) {
        Map<String, String> headers = new HashMap<>();
        request.getHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
                values.isEmpty() ? "" : values.get(0)));
        return headers;
    }

    private static Reply error(JacksonCodec codec, int status, String code) {
        return new Reply(status, codec.encode(Map.of("error", code)));
    }

    private static String tail(String path, String prefix) {
        return URLDecoder.decode(path.substring(prefix.length()), StandardCharsets.UTF_8);
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        return body.length > MAX_BODY_BYTES ? null : body;
    }
}
