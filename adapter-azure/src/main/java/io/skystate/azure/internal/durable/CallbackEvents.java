package io.skystate.azure.internal.durable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skystate.api.callback.CallbackOutcome;
import io.skystate.api.callback.CallbackStatus;
import io.skystate.api.SkystateException;
import java.util.Optional;

/**
 * Turns a resolved workflow callback into the external event its orchestration waits for
 * ({@code skystate-callback-<id>}): {@code {"status":"COMPLETED","result":...}} (the result offloaded if large)
 * or {@code {"status":"FAILED"|"TIMED_OUT","error","cause"}}. Called for each message of
 * {@link Names#CALLBACK_QUEUE}; the message is acknowledged only after the event was raised (at least once: the
 * orchestrator waits for one event per callback and ignores repeats). Thread-safe.
 */
public final class CallbackEvents {
    private final EngineParts parts;

    CallbackEvents(EngineParts parts) {
        this.parts = parts;
    }

    /** Raises the event for {@code callbackId}; true when the message can be acknowledged. */
    public boolean deliver(String callbackId) {
        if (callbackId == null) {
            return true;
        }
        Optional<RunRegistry.CallbackWait> wait = parts.registry().callbackWait(callbackId);
        if (wait.isEmpty()) {
            return true;
        }
        CallbackOutcome outcome;
        try {
            outcome = parts.callbacks().outcome(callbackId);
        } catch (SkystateException unknown) {
            return true;
        }
        if (!outcome.status().resolved()) {
            return false;
        }
        ObjectNode event = Json.object().put("status", outcome.status().name());
        if (outcome.status() == CallbackStatus.COMPLETED) {
            event.set("result", parts.claims().offload(parts.codec().tree(outcome.result().orElseThrow())));
        } else {
            event.put("error", outcome.errorType().orElse("Skystate.CallbackFailed"))
                    .put("cause", outcome.errorMessage().orElse(""));
        }
        parts.durable().raiseEvent(wait.get().instance(), Names.CALLBACK_EVENT + callbackId, Json.write(event));
        return true;
    }
}
