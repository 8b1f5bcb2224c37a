package io.skystate.aws.internal.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import io.skystate.api.handler.StepInvocation;
import io.skystate.core.workflow.ops.InvocationIds;
import java.util.Optional;

/**
 * Who a task message's handler call is for: the run, the step's path, the step kind and the invocation id, read from
 * the fields the compiled state machine puts in every message ({@code instance}, {@code step}, {@code entered},
 * {@code kind}). The invocation id is {@link InvocationIds#step} with {@code $$.State.EnteredTime} as the execution
 * marker: Step Functions enters a state once per execution of the step and retries inside it, so every attempt of one
 * execution shares the id, while a loop visit or a redrive enters the state again, later, and gets a new one.
 *
 * <p>State machines compiled before these fields existed still run: their executions are named after the instance
 * id, which stands in for {@code instance}, and without {@code entered} the marker is {@code attempt-<n>}, one id per
 * attempt as those versions gave (register a new version to get ids that are stable across retries). Pure.
 */
final class StepCalls {
    private StepCalls() {
    }

    /** The instance id of the run that sent the message ({@code $.run} of the state data). */
    static String instance(JsonNode message) {
        String instance = message.path("instance").asText("");
        return instance.isEmpty() ? message.path("execution").asText() : instance;
    }

    /** The invocation id of every attempt of the step execution that sent the message. */
    static String invocationId(JsonNode message) {
        String entered = message.path("entered").asText("");
        String marker = entered.isEmpty() ? "attempt-" + message.path("attempt").asInt(0) : entered;
        return InvocationIds.step(instance(message), message.path("step").asText(), marker);
    }

    /** What {@code InvocationContext.step()} shows the handler. */
    static Optional<StepInvocation> step(JsonNode message) {
        String kind = switch (message.path("kind").asText("")) {
            case "callback" -> "awaitCallback";
            case "event" -> "awaitEvent";
            default -> "task";
        };
        return Optional.of(new StepInvocation(instance(message), message.path("step").asText(), kind));
    }
}
