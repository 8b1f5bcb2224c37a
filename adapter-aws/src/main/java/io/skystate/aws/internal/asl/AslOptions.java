package io.skystate.aws.internal.asl;

import java.util.Objects;
import java.util.function.Function;

/**
 * How {@link AslCompiler} wires tasks to the outside world.
 *
 * @param taskQueueUrl the SQS queue every task message of the workflow goes to ({@link TaskDispatch#SQS_WORKER}); it
 *        also receives the saga's compensation message
 * @param callbackQueueUrl the SQS queue await-callback messages go to (may equal {@code taskQueueUrl})
 * @param dispatch SQS worker or direct Lambda invocation
 * @param lambdaArnForHandler for {@link TaskDispatch#LAMBDA}: the function ARN that runs a handler name (also asked
 *        for {@link AslCompiler#COMPENSATOR_HANDLER}, the function that runs a saga's compensations)
 */
public record AslOptions(String taskQueueUrl, String callbackQueueUrl, TaskDispatch dispatch,
        Function<String, String> lambdaArnForHandler) {
    public AslOptions {
        Objects.requireNonNull(dispatch, "dispatch");
        if (dispatch == TaskDispatch.SQS_WORKER) {
            Objects.requireNonNull(taskQueueUrl, "taskQueueUrl");
            Objects.requireNonNull(callbackQueueUrl, "callbackQueueUrl");
        } else {
            Objects.requireNonNull(lambdaArnForHandler, "lambdaArnForHandler");
        }
    }

    /** SQS worker mode with tasks and callbacks on one queue. */
    public static AslOptions sqsWorker(String queueUrl) {
        return sqsWorker(queueUrl, queueUrl);
    }

    /** SQS worker mode with callback messages on their own queue. */
    public static AslOptions sqsWorker(String taskQueueUrl, String callbackQueueUrl) {
        return new AslOptions(taskQueueUrl, callbackQueueUrl, TaskDispatch.SQS_WORKER, null);
    }

    /** Direct Lambda invocation; {@code arnForHandler} maps a handler name to its function ARN. */
    public static AslOptions lambda(Function<String, String> arnForHandler) {
        return new AslOptions(null, null, TaskDispatch.LAMBDA, arnForHandler);
    }
}
