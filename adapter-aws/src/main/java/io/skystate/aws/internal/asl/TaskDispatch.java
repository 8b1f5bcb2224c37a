package io.skystate.aws.internal.asl;

/** How compiled state machines run task handlers. */
public enum TaskDispatch {
    /**
     * Every task and callback becomes an SQS {@code sendMessage.waitForTaskToken} call; a Skystate worker (a thread
     * pool in the application, or the Lambda entry point with an SQS event source) runs the handler and answers with
     * {@code SendTaskSuccess}/{@code SendTaskFailure}. Works on moto, whose Activities are unusable.
     */
    SQS_WORKER,
    /** Every task invokes a Lambda function directly (one function ARN per handler, see {@link AslOptions#lambda}). */
    LAMBDA
}
