package io.skystate.aws.internal.sfn;

import io.skystate.api.Skystate;
import io.skystate.api.WorkflowPortability;
import io.skystate.api.callback.Callbacks;
import io.skystate.api.state.StateStore;
import io.skystate.aws.internal.AwsClients;
import io.skystate.aws.internal.Resources;
import io.skystate.core.handler.HandlerRegistry;
import io.skystate.core.json.JacksonCodec;
import io.skystate.core.workflow.ClaimCheck;
import java.time.Clock;

/**
 * What the Step Functions engine's parts share. {@code registry} keeps definitions, runs and compensation
 * records (Step Functions itself knows only state machines and executions); {@code callbackUrls} maps a workflow
 * callback token to the URL that completes it.
 */
record EngineParts(Skystate skystate, AwsClients clients, Resources resources, HandlerRegistry handlers,
        JacksonCodec codec, Clock clock, String roleArn, ClaimCheck claims, StateStore registry, Callbacks callbacks,
        java.util.function.Function<String, java.net.URI> callbackUrls, WorkflowPortability portability) {

    /** The URL that completes a workflow callback token over HTTP. */
    java.net.URI callbackUrl(String token) {
        return callbackUrls.apply(token);
    }

    String taskQueueUrl() {
        return resources.queueUrl(StepFunctionsEngine.TASK_QUEUE);
    }
}
