package io.skystate.core.callback;

import com.fasterxml.jackson.databind.JsonNode;
import io.skystate.api.InvalidRequestException;
import io.skystate.api.InvalidTokenException;
import io.skystate.api.PayloadTooLargeException;
import io.skystate.api.SkystateException;
import io.skystate.api.TokenExpiredException;
import io.skystate.api.callback.CallbackAlreadyResolvedException;
import io.skystate.api.callback.Callbacks;
import io.skystate.core.json.JacksonCodec;

/**
 * The HTTP protocol of callback URLs, independent of any server: {@link #handle} takes the token from the URL
 * and the POST body and answers with a status and a JSON body. Statuses: 204 done, 400 malformed body,
 * 403 invalid token, 409 already resolved, 410 expired, 413 result too large (the body says the limit), 500
 * anything else (with a generic message: internal details go to the log only). The same protocol serves
 * {@link Callbacks} tokens and workflow callback tokens ({@link #forWorkflows}).
 */
public final class CallbackHttpEndpoint {
    private static final System.Logger LOG = System.getLogger(CallbackHttpEndpoint.class.getName());

    /** A reply to send: status code and (possibly empty) JSON body. */
    public record Reply(int status, byte[] body) {
    }

    /** What a POST can do to the callback a token names. */
    public interface Resolver {
        void complete(String token, byte[] resultJson);

        void fail(String token, String errorType, String errorMessage);

        void heartbeat(String token);
    }

    private final Resolver callbacks;
    private final JacksonCodec codec;

    public CallbackHttpEndpoint(Callbacks callbacks, JacksonCodec codec) {
        this(new Resolver() {
            @Override
            public void complete(String token, byte[] resultJson) {
                callbacks.complete(token, resultJson);
            }

            @Override
            public void fail(String token, String errorType, String errorMessage) {
                callbacks.fail(token, errorType, errorMessage);
            }

            @Override
            public void heartbeat(String token) {
                callbacks.heartbeat(token);
            }
        }, codec);
    }

    public CallbackHttpEndpoint(Resolver resolver, JacksonCodec codec) {
        this.callbacks = resolver;
        this.codec = codec;
    }

    /** The protocol for the callback tokens of workflow steps that wait for a callback. */
    public static CallbackHttpEndpoint forWorkflows(io.skystate.api.workflow.Workflows workflows, JacksonCodec codec) {
        return new CallbackHttpEndpoint(new Resolver() {
            @Override
            public void complete(String token, byte[] resultJson) {
                workflows.completeCallback(token, resultJson);
            }

            @Override
            public void fail(String token, String errorType, String errorMessage) {
                workflows.failCallback(token, errorType, errorMessage);
            }

            @Override
            public void heartbeat(String token) {
                workflows.heartbeatCallback(token);
            }
        }, codec);
    }

    public Reply handle(String token, byte[] body) {
        try {
            JsonNode request = codec.tree(body);
            String outcome = request.path("outcome").asText("");
            switch (outcome) {
                case "success" -> {
                    JsonNode result = request.get("result");
                    callbacks.complete(token, codec.mapper().writeValueAsBytes(result == null ? codec.mapper().nullNode() : result));
                }
                case "failure" -> callbacks.fail(token, request.path("error").asText("Error"),
                        request.path("message").asText(""));
                case "heartbeat" -> callbacks.heartbeat(token);
                default -> throw new InvalidRequestException("http",
                        "body must be {\"outcome\": \"success\" | \"failure\" | \"heartbeat\", ...}");
            }
            return new Reply(204, new byte[0]);
        } catch (InvalidRequestException e) {
            return error(400, e);
        } catch (InvalidTokenException e) {
            return error(403, e);
        } catch (CallbackAlreadyResolvedException e) {
            return error(409, e);
        } catch (TokenExpiredException e) {
            return error(410, e);
        } catch (PayloadTooLargeException e) {
            return error(413, e);
        } catch (SkystateException e) {
            LOG.log(System.Logger.Level.WARNING, "callback request failed", e);
            return new Reply(e.retryable() ? 503 : 500, json(e.code(), "the callback could not be resolved;"
                    + (e.retryable() ? " retry later" : " see the server log")));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return new Reply(400, json("INVALID_REQUEST", e.getOriginalMessage()));
        }
    }

    private Reply error(int status, SkystateException e) {
        return new Reply(status, json(e.code(), e.getMessage()));
    }

    private byte[] json(String code, String message) {
        return codec.encode(java.util.Map.of("error", code, "message", String.valueOf(message)));
    }

}
