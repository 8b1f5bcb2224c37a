package io.skystate.azure.internal.durable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.durabletask.Task;
import com.microsoft.durabletask.TaskCanceledException;
import com.microsoft.durabletask.TaskFailedException;
import com.microsoft.durabletask.TaskOrchestrationContext;
import io.skystate.api.callback.CallbackStatus;
import io.skystate.api.workflow.WorkflowErrors;
import io.skystate.core.workflow.interpret.Plan;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The durable work one step attempt schedules from the orchestrator: a task activity (raced with a durable timer when
 * the step has a timeout of its own), a callback activity followed by the wait for the callback's event, and timers.
 * Deterministic; every call counts as a durable action of the {@link Walk}.
 */
final class StepCalls {
    /** How long past the callback's own timeout the orchestrator waits before giving up on its event. */
    static final Duration CALLBACK_SAFETY = Duration.ofMinutes(5);

    private StepCalls() {
    }

    /**
     * Calls the task activity. The activity itself bounds the handler by the plan's timeout (15 minutes unless the
     * step says otherwise); a step with an explicit timeout also races a durable timer, so a lost worker cannot hold
     * the step past it. The loser's late result is ignored.
     */
    static Attempt task(Walk walk, Plan.Invoke plan, Optional<Duration> stepTimeout, String path, int attempt,
            String invocation) {
        ObjectNode request = Json.object().put("run", walk.runId()).put("path", path).put("attempt", attempt)
                .put("invocation", invocation)
                .put("handler", plan.handler()).put("timeoutMs", plan.timeout().toMillis());
        request.set("input", plan.input());
        TaskOrchestrationContext ctx = walk.ctx();
        walk.action();
        Task<String> call = ctx.callActivity(Names.TASK, Json.write(request), String.class);
        if (stepTimeout.isPresent()) {
            walk.action();
            Task<Void> timer = ctx.createTimer(stepTimeout.get());
            if (ctx.anyOf(call, timer).await() == timer) {
                return Attempt.failed(WorkflowErrors.TIMEOUT, "handler '" + plan.handler() + "' ran longer than "
                        + stepTimeout.get());
            }
        }
        try {
            return Attempt.parse(call.await());
        } catch (TaskFailedException e) {
            return Attempt.thrown(e);
        }
    }

    /**
     * Creates the callback and calls its handler (one activity), then waits for the event its resolution raises.
     * The callback service enforces the timeout and heartbeat; a safety timer well past the timeout only guards
     * against a lost event.
     */
    static Attempt callback(Walk walk, Plan.AwaitCallback plan, String path, int attempt, String invocation) {
        ObjectNode request = Json.object().put("instance", walk.ctx().getInstanceId()).put("run", walk.runId())
                .put("path", path).put("attempt", attempt).put("invocation", invocation)
                .put("handler", plan.handler())
                .put("timeoutMs", plan.timeout().toMillis());
        plan.heartbeat().ifPresent(h -> request.put("heartbeatMs", h.toMillis()));
        request.set("input", plan.input());
        walk.action();
        Attempt issued;
        try {
            issued = Attempt.parse(walk.ctx().callActivity(Names.CALLBACK, Json.write(request), String.class).await());
        } catch (TaskFailedException e) {
            return Attempt.thrown(e);
        }
        if (!issued.succeeded()) {
            return issued;
        }
        String callbackId = issued.result().asText();
        walk.action();
        String event;
        try {
            event = walk.ctx().waitForExternalEvent(Names.CALLBACK_EVENT + callbackId,
                    plan.timeout().plus(CALLBACK_SAFETY), String.class).await();
        } catch (TaskCanceledException e) {
            return Attempt.failed(WorkflowErrors.TIMEOUT, "no completion before the deadline");
        }
        JsonNode outcome = Json.tree(event);
        String status = outcome.path("status").asText();
        if (CallbackStatus.COMPLETED.name().equals(status)) {
            return Attempt.ok(outcome.get("result"));
        }
        String error = CallbackStatus.TIMED_OUT.name().equals(status) ? WorkflowErrors.TIMEOUT
                : outcome.path("error").asText("Skystate.CallbackFailed");
        return Attempt.failed(error, outcome.path("cause").asText(""));
    }

    /**
     * Waits for the next signalled event of the plan's name, up to the step's timeout. Signals are raised on the run's
     * orchestration ({@link DurableWorkflows#signal}); Durable keeps those no wait has taken in the orchestration's
     * history, oldest first, and carries them across continue-as-new, so an event signalled before the step starts is
     * taken by it, and each event by one wait. A timeout fails the step with {@link WorkflowErrors#TIMEOUT}; an event
     * arriving later stays for the next wait of its name.
     */
    static Attempt event(Walk walk, Plan.AwaitEvent plan) {
        walk.action();
        try {
            String payload = walk.ctx().waitForExternalEvent(Names.signalEvent(plan.event()), plan.timeout(),
                    String.class).await();
            return Attempt.ok(Json.tree(payload));
        } catch (TaskCanceledException e) {
            return Attempt.failed(WorkflowErrors.TIMEOUT, "no event '" + plan.event() + "' arrived within "
                    + plan.timeout());
        }
    }

    /** Sleeps until {@code wakeAt} on a durable timer (not at all if it has passed). */
    static void sleepUntil(Walk walk, Instant wakeAt) {
        if (wakeAt.isAfter(walk.now())) {
            walk.action();
            walk.ctx().createTimer(wakeAt.atZone(ZoneOffset.UTC)).await();
        }
    }

    /** A retry's back-off on a durable timer. */
    static void pause(Walk walk, Duration delay) {
        if (!delay.isZero() && !delay.isNegative()) {
            walk.action();
            walk.ctx().createTimer(delay).await();
        }
    }

    static JsonNode text(String value) {
        return Json.MAPPER.getNodeFactory().textNode(value);
    }
}
