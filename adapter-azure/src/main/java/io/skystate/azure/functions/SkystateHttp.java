package io.skystate.azure.functions;

import io.skystate.azure.AzureSkystate;
import io.skystate.core.callback.CallbackHttpEndpoint;
import io.skystate.core.callback.CallbackHttpEndpoint.Reply;
import io.skystate.core.handler.HandlerHttpEndpoint;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The HTTP face of a Skystate app on Azure, independent of the Functions types: {@code POST
 * /skystate/callbacks/<token>} and {@code /skystate/workflow-callbacks/<token>} speak the callback URL protocol
 * ({@link CallbackHttpEndpoint}), and {@code POST /skystate/handlers/<name>} invokes a handler through core's
 * {@link HandlerHttpEndpoint} (signed, single-use requests; 401 otherwise) when handler endpoints are switched on,
 * else 404, as for any other path: the function app's URL is public. The path may
 * carry the function app's route prefix in front of {@code /skystate/}. Thread-safe.
 */
public final class SkystateHttp {
    static final String ROOT = "/skystate/";
    private static final String CALLBACKS = "callbacks/";
    private static final String WORKFLOW_CALLBACKS = "workflow-callbacks/";
    private static final String HANDLERS = "handlers/";

    private final AzureSkystate skystate;

    public SkystateHttp(AzureSkystate skystate) {
        this.skystate = skystate;
    }

    /**
     * Answers one request.
     *
     * @param rawPath the URL path, still percent-encoded
     * @param headers request headers (case as received)
     */
    public Reply handle(String method, String rawPath, Map<String, String> headers, byte[] body) {
        int root = rawPath.indexOf(ROOT);
        String route = root < 0 ? "" : rawPath.substring(root + ROOT.length());
        if (route.startsWith(CALLBACKS)) {
            return post(method) ? skystate.callbackEndpoint().handle(tail(route, CALLBACKS), body) : notAllowed();
        }
        if (route.startsWith(WORKFLOW_CALLBACKS)) {
            return post(method) ? skystate.workflowCallbackEndpoint().handle(tail(route, WORKFLOW_CALLBACKS), body)
                    : notAllowed();
        }
        if (route.startsWith(HANDLERS) && skystate.handlerEndpoint().isPresent()) {
            return post(method) ? skystate.handlerEndpoint().get().handle(tail(route, HANDLERS), headers, body) : notAllowed();
        }
        return new Reply(404, skystate.jacksonCodec().encode(Map.of("error", "NOT_FOUND", "message",
                "no Skystate endpoint at " + rawPath)));
    }

    private static boolean post(String method) {
        return "POST".equalsIgnoreCase(method);
    }

    private Reply notAllowed() {
        return new Reply(405, skystate.jacksonCodec().encode(Map.of("error", "METHOD_NOT_ALLOWED",
                "message", "Skystate endpoints take POST")));
    }

    private static String tail(String route, String prefix) {
        return URLDecoder.decode(route.substring(prefix.length()), StandardCharsets.UTF_8);
    }
}
