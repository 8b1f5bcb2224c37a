package io.skystate.azure.internal.durable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skystate.api.SkystateException;
import io.skystate.api.callback.CallbackHandle;
import io.skystate.api.callback.CallbackRequest;
import io.skystate.api.handler.StepInvocation;
import io.skystate.api.workflow.WorkflowErrors;
import io.skystate.core.callback.StoreBackedCallbacks;
import io.skystate.core.workflow.JsonPaths;
import io.skystate.core.workflow.StepErrors;
import java.time.Duration;
import java.util.Optional;

/**
 * The activities the generic orchestrator calls, each taking and returning JSON text: what the in-process worker
 * and the Azure Functions activity functions both run. Activities run at least once: a task re-run after a crash
 * calls its handler again with the same invocation id, which the orchestrator took for the step execution
 * ({@link io.skystate.core.workflow.ops.InvocationIds}: {@code <run>/<path>@<execution>}, the same for every attempt
 * of the execution; {@code @compensation-<n>} for a compensation). Thread-safe.
 */
public final class Activities {
    static final int COMPENSATION_ATTEMPTS = 3;

    private final EngineParts parts;
    private final HandlerCalls calls;
    private final BranchStopper stopper;

    Activities(EngineParts parts, BranchStopper stopper) {
        this.parts = parts;
        this.calls = new HandlerCalls(parts);
        this.stopper = stopper;
    }

    /** {@link Names#TASK}: {@code {run, path, attempt, handler, input, timeoutMs}} → the handler's answer. */
    public String task(String json) {
        JsonNode r = Json.tree(json);
        int attempt = r.get("attempt").asInt();
        return HandlerCalls.answer(calls.call(r.get("handler").asText(), r.get("input"), invocation(r, "task"), attempt,
                Duration.ofMillis(r.get("timeoutMs").asLong())));
    }

    /**
     * {@link Names#CALLBACK}: creates a workflow callback notifying {@link Names#CALLBACK_QUEUE}, records which
     * instance waits on it, and calls the handler with {@code {"token","url","input"}}; answers the callback id. If
     * the handler fails, or the run was stopped meanwhile, the token is failed so it can no longer be completed.
     */
    public String callback(String json) {
        JsonNode r = Json.tree(json);
        String run = r.get("run").asText();
        String instance = r.get("instance").asText();
        int attempt = r.get("attempt").asInt();
        Duration timeout = Duration.ofMillis(r.get("timeoutMs").asLong());
        CallbackRequest request = CallbackRequest.withTimeout(timeout).notifying(Names.CALLBACK_QUEUE)
                .labelled(run + "/" + r.get("path").asText());
        if (r.has("heartbeatMs")) {
            request = request.withHeartbeat(Duration.ofMillis(r.get("heartbeatMs").asLong()));
        }
        CallbackHandle handle = parts.callbacks().create(request);
        long since = parts.clock().millis();
        parts.registry().putCallbackWait(handle.id(), new RunRegistry.CallbackWait(run, instance, handle.token(),
                handle.id(), r.get("path").asText(), handle.url().toString(), since, since + timeout.toMillis()),
                handle.expiresAt().plus(StoreBackedCallbacks.RETENTION));
        String root = parts.registry().orchestration(run);
        if (stopper.stopped(instance) || (!root.equals(instance) && stopper.stopped(root))) {
            invalidate(parts, handle.token());
            return Json.write(Attempt.answer(WorkflowErrors.CANCELLED, "the run was stopped"));
        }
        ObjectNode body = Json.object().put("token", handle.token()).put("url", handle.url().toString());
        body.set("input", r.get("input"));
        Attempt result = calls.call(r.get("handler").asText(), body, invocation(r, "awaitCallback"), attempt, timeout);
        if (!result.succeeded()) {
            invalidate(parts, handle.token());
            return HandlerCalls.answer(result);
        }
        return HandlerCalls.answer(Attempt.ok(StepCalls.text(handle.id())));
    }

    /** {@link Names#COMPENSATE}: {@code {run, path, handler, data}} → {@code {attempts, error?, cause?}}. */
    public String compensate(String json) {
        JsonNode r = Json.tree(json);
        String run = r.get("run").asText();
        String path = r.get("path").asText();
        StepErrors.Named error = null;
        int attempt = 0;
        while (attempt < COMPENSATION_ATTEMPTS) {
            attempt++;
            try {
                byte[] data = parts.codec().encode(parts.claims().resolve(r.get("data")));
                parts.handlers().invokeJson(r.get("handler").asText(), data, r.get("invocation").asText(), attempt,
                        Optional.of(new StepInvocation(run, path, "compensation")));
                error = null;
                break;
            } catch (SkystateException | JsonPaths.DataPathException e) {
                error = StepErrors.name(e);
                pause(attempt);
            }
        }
        ObjectNode answer = Json.object().put("attempts", attempt);
        if (error != null) {
            answer.put("error", error.error()).put("cause", error.cause());
        }
        return Json.write(answer);
    }

    /** {@link Names#SPILL}: {@code {run, key, entries}} stored as one history chunk. */
    public String spill(String json) {
        JsonNode r = Json.tree(json);
        parts.registry().putChunk(r.get("run").asText(), r.get("key").asText(), r.get("entries"),
                parts.clock().instant().plus(HistoryReader.RETENTION));
        return "{}";
    }

    /** {@link Names#OFFLOAD}: {@code {value}} → the value with its large parts in the claim store. */
    public String offload(String json) {
        return Json.write(Attempt.answer(parts.claims().offload(Json.tree(json).get("value"))));
    }

    /** {@link Names#STOP_BRANCHES}: {@code {run, children}} → their histories and compensations. */
    public String stopBranches(String json) {
        return stopper.stopBranches(json);
    }

    /** The call's invocation id (taken by the orchestrator) and the step it names. */
    private static HandlerCalls.Invocation invocation(JsonNode request, String kind) {
        return new HandlerCalls.Invocation(request.get("invocation").asText(),
                new StepInvocation(request.get("run").asText(), request.get("path").asText(), kind));
    }

    /** Fails a callback token so a stopped step can no longer be completed. */
    static void invalidate(EngineParts parts, String token) {
        try {
            parts.callbacks().fail(token, WorkflowErrors.CANCELLED, "the workflow step waiting on this callback stopped");
        } catch (SkystateException alreadyResolvedOrExpired) {
            // nothing left to invalidate
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(100L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
