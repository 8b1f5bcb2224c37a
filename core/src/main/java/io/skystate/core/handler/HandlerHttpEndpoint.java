package io.skystate.core.handler;

import io.skystate.api.InvalidRequestException;
import io.skystate.api.SkystateException;
import io.skystate.api.handler.HandlerFailedException;
import io.skystate.api.handler.HandlerNotFoundException;
import io.skystate.api.handler.Handlers;
import io.skystate.core.callback.CallbackHttpEndpoint.Reply;
import io.skystate.core.json.JacksonCodec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The HTTP protocol of handler endpoints, independent of any server: POST JSON in, JSON out. Statuses: 200 with
 * the output, 400 input that does not decode, 404 unknown handler, 500 handler failure (with its
 * {@code errorType}) or any other error. Every adapter's endpoint (local HTTP server, Lambda Function URL, ...)
 * answers through this, so they all answer alike.
 */
public final class HandlerHttpEndpoint {
    private final Handlers handlers;
    private final JacksonCodec codec;

    public HandlerHttpEndpoint(Handlers handlers, JacksonCodec codec) {
        this.handlers = handlers;
        this.codec = codec;
    }

    public Reply handle(String name, byte[] body) {
        try {
            return new Reply(200, handlers.invokeJson(name, body));
        } catch (HandlerNotFoundException e) {
            return error(404, e, Map.of());
        } catch (InvalidRequestException e) {
            return error(400, e, Map.of());
        } catch (HandlerFailedException e) {
            return error(500, e, Map.of("errorType", e.errorType()));
        } catch (SkystateException e) {
            return error(500, e, Map.of());
        }
    }

    private Reply error(int status, SkystateException e, Map<String, String> extra) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", e.code());
        body.put("message", String.valueOf(e.getMessage()));
        body.putAll(extra);
        return new Reply(status, codec.encode(body));
    }
}
