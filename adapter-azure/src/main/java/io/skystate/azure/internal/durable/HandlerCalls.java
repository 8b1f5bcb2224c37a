package io.skystate.azure.internal.durable;

import com.fasterxml.jackson.databind.JsonNode;
import io.skystate.api.handler.StepInvocation;
import io.skystate.api.workflow.WorkflowErrors;
import io.skystate.core.workflow.ClaimCheck;
import io.skystate.core.workflow.JsonPaths;
import io.skystate.core.workflow.StepErrors;
import io.skystate.core.workflow.interpret.StepError;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Calls a handler from an activity as the local engine's task runner does: input claim references resolved first,
 * the call bounded by {@code timeout} on the handler pool (interrupted when it runs over), the invocation id and
 * attempt passed through, failures named by core's {@link StepErrors}, the result offloaded if large. Thread-safe.
 */
final class HandlerCalls {
    private final EngineParts parts;

    HandlerCalls(EngineParts parts) {
        this.parts = parts;
    }

    /** A workflow step's handler call: its invocation id and what the handler's context shows as its step. */
    record Invocation(String id, StepInvocation step) {
    }

    /** The handler's (offloaded) result, or the error it failed with. */
    Attempt call(String handler, JsonNode input, Invocation invocation, int attempt, Duration timeout) {
        byte[] json;
        try {
            json = parts.codec().encode(parts.claims().resolve(input));
        } catch (JsonPaths.DataPathException e) {
            return Attempt.failed(StepError.dataError(e.getMessage()));
        }
        Future<byte[]> call = parts.handlerPool().submit(() -> parts.handlers().invokeJson(handler, json,
                invocation.id(), attempt, Optional.of(invocation.step())));
        try {
            byte[] output = call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            JsonNode result = parts.codec().tree(output);
            return Attempt.ok(output.length <= ClaimCheck.THRESHOLD_BYTES ? result : parts.claims().offload(result));
        } catch (TimeoutException e) {
            call.cancel(true);
            return Attempt.failed(WorkflowErrors.TIMEOUT, "handler '" + handler + "' ran longer than " + timeout);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            return Attempt.failed(WorkflowErrors.TIMEOUT, "engine stopped while handler '" + handler + "' ran");
        } catch (ExecutionException e) {
            StepErrors.Named named = StepErrors.name(e.getCause());
            return Attempt.failed(named.error(), named.cause());
        }
    }

    static String answer(Attempt attempt) {
        return Json.write(attempt.succeeded() ? Attempt.answer(attempt.result())
                : Attempt.answer(attempt.error().error(), attempt.error().cause()));
    }
}
