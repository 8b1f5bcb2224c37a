package io.skystate.core.handler;

import io.skystate.api.InvalidRequestException;
import io.skystate.api.InvalidTokenException;
import io.skystate.api.SkystateException;
import io.skystate.api.TokenExpiredException;
import io.skystate.api.handler.HandlerFailedException;
import io.skystate.api.handler.HandlerNotFoundException;
import io.skystate.api.handler.Handlers;
import io.skystate.core.callback.CallbackHttpEndpoint.Reply;
import io.skystate.core.json.JacksonCodec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The HTTP protocol of handler endpoints, independent of any server: POST JSON in, JSON out, every request signed
 * ({@link RequestSigning}) and used once ({@link ReplayGuard}). Statuses: 200 with the output, 400 input that does
 * not decode, 401 unsigned, altered, stale or replayed request (checked before anything runs), 404 unknown handler,
 * 500 handler failure (with its {@code errorType}) or any other error. Every adapter's endpoint (local HTTP server,
 * Lambda Function URL, Azure and Cloud Functions) answers through this, so they all answer alike. Thread-safe.
 */
public final class HandlerHttpEndpoint {
    private final Handlers handlers;
    private final JacksonCodec codec;
    private final Supplier<RequestSigning> signing;
    private final Supplier<ReplayGuard> replays;

    public HandlerHttpEndpoint(Handlers handlers, JacksonCodec codec, Supplier<RequestSigning> signing,
            Supplier<ReplayGuard> replays) {
        this.handlers = handlers;
        this.codec = codec;
        this.signing = signing;
        this.replays = replays;
    }

    /** Answers a POST for handler {@code name} with its request {@code headers} and {@code body}. */
    public Reply handle(String name, Map<String, String> headers, byte[] body) {
        try {
            replays.get().firstUse(signing.get().verify(name, headers, body));
        } catch (InvalidTokenException | TokenExpiredException e) {
            return error(401, e, Map.of());
        }
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
