package io.skystate.gcp.internal.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import io.skystate.api.InvalidRequestException;
import io.skystate.api.SkystateException;
import io.skystate.core.callback.CallbackHttpEndpoint;
import io.skystate.core.json.JacksonCodec;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The HTTP side of the Cloud Workflows engine, independent of any server: the deployed function routes
 * {@code POST /skystate/workflow-tasks/<op>} (called by the workflows, with OIDC) and
 * {@code POST /skystate/workflow-callbacks/<token>} (the signed workflow callback URLs handed to external parties)
 * here. Task operations answer 200 with the portable answer JSON ({@link Protocol}); a failure of the endpoint itself
 * answers 500 (retryable: the workflow's transport retry tries again). The callback route speaks the callback URL
 * protocol of {@link CallbackHttpEndpoint} (204, 400, 403, 409, 410, 413) and relays the outcome to the waiting
 * execution. {@code POST /skystate/workflow-tasks/sweep} runs the sweeper once (for a scheduler). An instance with
 * workers off answers the step operations and the sweep with 503 (retryable) and runs nothing. Thread-safe.
 */
public final class TaskEndpoint {
    private static final System.Logger LOG = System.getLogger(TaskEndpoint.class.getName());
    /** The operations that run steps or move runs on, refused by an instance with workers off. */
    private static final Set<String> STEP_WORK = Set.of(Protocol.OP_TASK, Protocol.OP_CALLBACK, Protocol.OP_COMPENSATE,
            Protocol.OP_EVENT, Protocol.OP_SWEEP);

    /** A reply: status, content type and body. */
    public record Reply(int status, String contentType, byte[] body) {
    }

    private final JacksonCodec codec;
    private final TaskCalls calls;
    private final CallbackHttpEndpoint callbacks;
    private final Runnable sweep;
    private final boolean runsSteps;

    TaskEndpoint(JacksonCodec codec, TaskCalls calls, CallbackHttpEndpoint callbacks, Runnable sweep,
            boolean runsSteps) {
        this.codec = codec;
        this.calls = calls;
        this.callbacks = callbacks;
        this.sweep = sweep;
        this.runsSteps = runsSteps;
    }

    /** True for paths this endpoint serves. */
    public static boolean serves(String path) {
        return path.startsWith(Protocol.TASK_ROUTE) || path.startsWith(Protocol.CALLBACK_ROUTE);
    }

    /** Handles one request; {@code headers} are not used (the platform authenticates callers). */
    public Reply handle(String method, String path, Map<String, List<String>> headers, byte[] body) {
        if (!serves(path)) {
            return json(404, Map.of("error", "NOT_FOUND", "message", "no such route: " + path));
        }
        if (!"POST".equalsIgnoreCase(method)) {
            return json(405, Map.of("error", "METHOD_NOT_ALLOWED", "message", "use POST"));
        }
        if (path.startsWith(Protocol.CALLBACK_ROUTE)) {
            String token = URLDecoder.decode(path.substring(Protocol.CALLBACK_ROUTE.length()), StandardCharsets.UTF_8);
            CallbackHttpEndpoint.Reply reply = callbacks.handle(token, body);
            return new Reply(reply.status(), "application/json", reply.body());
        }
        String op = path.substring(Protocol.TASK_ROUTE.length());
        if (!runsSteps && STEP_WORK.contains(op)) {
            return json(503, Map.of("error", "WORKERS_OFF", "message", "this instance runs no workflow steps"
                    + " (workflows.workers=off); deploy the function with workers on"));
        }
        try {
            if (op.equals(Protocol.OP_SWEEP)) {
                sweep.run();
                return json(200, Map.of(Protocol.OK, true));
            }
            JsonNode request = codec.tree(body);
            JsonNode answer = switch (op) {
                case Protocol.OP_TASK -> calls.task(request);
                case Protocol.OP_CALLBACK -> calls.callback(request);
                case Protocol.OP_COMPENSATE -> calls.compensate(request);
                case Protocol.OP_EVENT -> calls.event(request);
                case Protocol.OP_RECORD -> calls.record(request);
                case Protocol.OP_STOP -> calls.stop(request);
                case Protocol.OP_OFFLOAD -> calls.offload(request);
                case Protocol.OP_INPUT -> calls.input(request);
                default -> null;
            };
            if (answer == null) {
                return json(404, Map.of("error", "NOT_FOUND", "message", "no operation '" + op + "'"));
            }
            return new Reply(200, "application/json", codec.encode(answer));
        } catch (InvalidRequestException e) {
            return json(400, Map.of("error", e.code(), "message", String.valueOf(e.getMessage())));
        } catch (SkystateException | IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, "workflow task endpoint " + op + " failed; the workflow retries", e);
            return json(500, Map.of("error", "INTERNAL", "message", "the task endpoint failed; retry"));
        }
    }

    private Reply json(int status, Map<String, Object> body) {
        return new Reply(status, "application/json", codec.encode(body));
    }
}
