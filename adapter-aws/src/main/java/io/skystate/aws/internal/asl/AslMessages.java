package io.skystate.aws.internal.asl;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.UnaryOperator;

/**
 * The {@code Resource} and {@code Parameters} of the Task states that hand work to the worker: a task or callback
 * invocation of a handler, and an awaitEvent step's wait. Every message names its run ({@code instance.$}:
 * {@code $.run}), its step's path and when the state was entered ({@code $$.State.EnteredTime}, the execution marker of
 * the invocation id); see {@link AslCompiler} for the fields of each kind. Stateless.
 */
final class AslMessages {
    private final AslOptions options;
    private final UnaryOperator<String> lambdaArn;

    AslMessages(AslOptions options, UnaryOperator<String> lambdaArn) {
        this.options = options;
        this.lambdaArn = lambdaArn;
    }

    /** Makes {@code state} invoke {@code handler} for a task or callback step; returns the message for additions. */
    ObjectNode invocation(ObjectNode state, String kind, String handler, String inputPath, String path,
            boolean callback) {
        ObjectNode message = JsonNodeFactory.instance.objectNode();
        message.put("kind", kind);
        message.put("handler", handler);
        if (options.dispatch() == TaskDispatch.SQS_WORKER || callback) {
            message.put("token.$", "$$.Task.Token");
        }
        message.put("input.$", AslCompiler.dataPath(inputPath));
        stepFields(message, path);
        message.put("attempt.$", "$$.State.RetryCount");
        if (options.dispatch() == TaskDispatch.SQS_WORKER) {
            state.put("Resource", AslCompiler.SQS_RESOURCE);
            ObjectNode parameters = state.putObject("Parameters");
            parameters.put("QueueUrl", callback ? options.callbackQueueUrl() : options.taskQueueUrl());
            parameters.set("MessageBody", message);
        } else if (callback) {
            state.put("Resource", AslCompiler.LAMBDA_CALLBACK_RESOURCE);
            ObjectNode parameters = state.putObject("Parameters");
            parameters.put("FunctionName", lambdaArn.apply(handler));
            parameters.set("Payload", message);
        } else {
            state.put("Resource", lambdaArn.apply(handler));
            state.set("Parameters", message);
        }
        return message;
    }

    /**
     * Makes {@code state} a task-token wait for {@code event}: the worker (Lambda mode: the
     * {@link AslCompiler#COMPENSATOR_HANDLER} function, which runs Skystate's own messages) registers the token for
     * the event and a signal completes it with the payload.
     */
    void eventWait(ObjectNode state, String event, String path) {
        ObjectNode message = JsonNodeFactory.instance.objectNode();
        message.put("kind", "event");
        message.put("event", event);
        message.put("token.$", "$$.Task.Token");
        stepFields(message, path);
        ObjectNode parameters = state.putObject("Parameters");
        if (options.dispatch() == TaskDispatch.SQS_WORKER) {
            state.put("Resource", AslCompiler.SQS_RESOURCE);
            parameters.put("QueueUrl", options.taskQueueUrl());
            parameters.set("MessageBody", message);
        } else {
            state.put("Resource", AslCompiler.LAMBDA_CALLBACK_RESOURCE);
            parameters.put("FunctionName", lambdaArn.apply(AslCompiler.COMPENSATOR_HANDLER));
            parameters.set("Payload", message);
        }
    }

    private static void stepFields(ObjectNode message, String path) {
        message.put("execution.$", "$$.Execution.Name");
        message.put("instance.$", "$.run");
        message.put("step", path);
        message.put("entered.$", "$$.State.EnteredTime");
    }
}
