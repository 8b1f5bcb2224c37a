package io.skystate.aws.internal.sfn;

import io.skystate.api.Skystate;
import io.skystate.api.WorkflowPortability;
import io.skystate.api.WorkflowWorkers;
import io.skystate.api.callback.Callbacks;
import io.skystate.api.workflow.Workflows;
import io.skystate.aws.internal.AwsClients;
import io.skystate.aws.internal.Resources;
import io.skystate.core.handler.HandlerRegistry;
import io.skystate.core.json.JacksonCodec;
import io.skystate.core.workflow.ClaimCheck;
import java.time.Clock;

/**
 * Workflows on Step Functions in SQS worker mode: state machines send each task to one SQS queue with
 * {@code .waitForTaskToken}; {@link TaskWorker} threads in this process poll it, run the handlers and answer with
 * {@code SendTaskSuccess}/{@code SendTaskFailure}. In production the same messages can be consumed by the
 * Lambda entry point instead. The worker starts on the first call to {@link #workflows()}, unless the instance runs
 * no task workers (a Lambda function, whose task queue event source delivers the messages) or executes no steps at all
 * ({@code workflows.workers=off}).
 */
public final class StepFunctionsEngine implements AutoCloseable {
    /** The queue (name before the prefix) every state machine of this app sends its tasks to. */
    public static final String TASK_QUEUE = "skystate-workflow-tasks";
    static final int WORKER_THREADS = 8;

    private final EngineParts parts;
    private final SfnWorkflows workflows;
    private final WorkflowWorkers runSteps;
    private final boolean taskWorkers;
    private TaskWorker worker;

    public StepFunctionsEngine(Skystate skystate, AwsClients clients, Resources resources, HandlerRegistry handlers,
            Callbacks callbacks, JacksonCodec codec, Clock clock, String roleArn,
            java.util.function.Function<String, java.net.URI> callbackUrls, WorkflowPortability portability,
            WorkflowWorkers runSteps, boolean taskWorkers) {
        this.runSteps = runSteps;
        this.parts = new EngineParts(skystate, clients, resources, handlers, codec, clock, roleArn,
                new ClaimCheck(skystate.stateStore("skystate-claims"), codec, clock),
                skystate.stateStore("skystate-workflows"), callbacks, callbackUrls, portability);
        this.workflows = new SfnWorkflows(parts);
        this.taskWorkers = taskWorkers;
    }

    /**
     * Runs one message of the workflow task queue (a task, a callback request or a compensation) and answers its
     * task token: what the worker threads do, exposed for the Lambda entry point's SQS event source.
     */
    public void handleTaskMessage(byte[] body) {
        TaskMessages messages = new TaskMessages(parts);
        messages.handle(messages.parse(body));
    }

    /**
     * The engine's API; starts the task worker threads on first use unless workflow workers are off (an operating-only
     * instance) or the instance runs no task poller (a Lambda function, fed by its event source).
     */
    public synchronized Workflows workflows() {
        if (worker == null && taskWorkers && runSteps == WorkflowWorkers.ON) {
            worker = new TaskWorker(parts, WORKER_THREADS);
        }
        return workflows;
    }

    @Override
    public synchronized void close() {
        if (worker != null) {
            worker.close();
        }
    }
}
