package io.skystate.aws.internal.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skystate.api.SkystateException;
import io.skystate.api.workflow.WorkflowErrors;
import io.skystate.api.workflow.Workflows;
import io.skystate.core.workflow.AttemptBudget;
import io.skystate.core.workflow.StepErrors;
import io.skystate.core.workflow.ops.EventInbox;
import java.nio.charset.StandardCharsets;

/**
 * What the worker does with one message a state machine sent ({@code kind} = {@code task}, {@code callback},
 * {@code event} or {@code compensate}): run the handler and answer the task token, or for {@code event} register the
 * token as the awaitEvent step's waiter ({@link EventWaits}). Stale tokens (the run was stopped, or the task
 * timed out meanwhile) are dropped.
 */
final class TaskMessages {
    /** Step Functions' limit on a failure cause. */
    private static final int MAX_CAUSE = 32_768;

    private final EngineParts parts;
    private final Compensations compensations;
    private final AttemptBudget budget;
    private final CallbackWaits callbackWaits;
    private final EventWaits eventWaits;

    TaskMessages(EngineParts parts) {
        this.parts = parts;
        this.compensations = new Compensations(parts);
        this.budget = new AttemptBudget(parts.registry(), parts.clock());
        this.callbackWaits = new CallbackWaits(parts);
        this.eventWaits = new EventWaits(parts, new EventInbox(parts.registry(), parts.codec(), parts.clock(), "aws"));
    }

    JsonNode parse(byte[] body) {
        return parts.codec().tree(body);
    }

    void handle(JsonNode message) {
        String kind = message.path("kind").asText("");
        String token = message.path("token").asText();
        if (("task".equals(kind) || "callback".equals(kind)) && !budget.take(message.path("execution").asText())) {
            fail(token, new StepErrors.Named(WorkflowErrors.TRANSITION_LIMIT, "the run made "
                    + Workflows.MAX_STEP_ATTEMPTS + " step attempts, the most a run may make"));
            return;
        }
        switch (kind) {
            case "task" -> task(message, token);
            case "callback" -> callback(message, token);
            case "event" -> eventWaits.await(message, token);
            case "compensate" -> {
                compensations.run(message);
                answer(() -> parts.clients().sfn().sendTaskSuccess(b -> b.taskToken(token).output("{}")));
            }
            default -> throw new IllegalArgumentException("unknown workflow message kind '" + kind + "'");
        }
    }

    private void task(JsonNode message, String token) {
        byte[] output;
        try {
            output = parts.handlers().invokeJson(message.path("handler").asText(), input(message),
                    StepCalls.invocationId(message), message.path("attempt").asInt(0) + 1, StepCalls.step(message));
        } catch (SkystateException e) {
            fail(token, StepErrors.name(e));
            return;
        }
        String result = new String(parts.codec().encode(parts.claims().offload(parts.codec().tree(output))),
                StandardCharsets.UTF_8);
        answer(() -> parts.clients().sfn().sendTaskSuccess(b -> b.taskToken(token).output(result)));
    }

    private void callback(JsonNode message, String token) {
        callbackWaits.record(message, token);
        ObjectNode request = parts.codec().mapper().createObjectNode();
        request.put("token", token);
        request.put("url", parts.callbackUrl(token).toString());
        request.set("input", parts.codec().tree(input(message)));
        try {
            parts.handlers().invokeJson(message.path("handler").asText(), parts.codec().encode(request),
                    StepCalls.invocationId(message), message.path("attempt").asInt(0) + 1, StepCalls.step(message));
        } catch (SkystateException e) {
            fail(token, StepErrors.name(e));
        }
    }

    private byte[] input(JsonNode message) {
        JsonNode input = message.has("input") ? message.get("input") : parts.codec().mapper().nullNode();
        return parts.codec().encode(parts.claims().resolve(input));
    }

    private void fail(String token, StepErrors.Named error) {
        String cause = error.cause() == null ? "" : error.cause();
        String bounded = cause.length() > MAX_CAUSE ? cause.substring(0, MAX_CAUSE) : cause;
        answer(() -> parts.clients().sfn().sendTaskFailure(b -> b.taskToken(token).error(error.error()).cause(bounded)));
    }

    private static void answer(Runnable call) {
        try {
            SfnErrors.callback(call);
        } catch (SkystateException stale) {
            // the run was stopped or the task timed out while the handler ran: nothing is waiting for the answer
        }
    }
}
