package io.skystate.gcp.internal.workflows;

import com.google.cloud.workflows.executions.v1.ExecutionsClient;
import com.google.cloud.workflows.v1.WorkflowsClient;
import io.skystate.api.Capabilities;
import io.skystate.api.WorkflowPortability;
import io.skystate.api.state.StateStore;
import io.skystate.core.callback.StoreBackedCallbacks;
import io.skystate.core.handler.HandlerRegistry;
import io.skystate.core.json.JacksonCodec;
import io.skystate.core.workflow.ClaimCheck;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * What the engine's parts share. {@code registry} keeps definitions, runs, history entries, attempt counters and
 * callback relays (Workflows itself knows only workflows and executions); {@code claims} holds offloaded values.
 */
record EngineContext(HandlerRegistry handlers, StoreBackedCallbacks callbacks, JacksonCodec codec, Clock clock,
        Supplier<Capabilities> capabilities, WorkflowPortability portability, CloudWorkflowsSettings settings,
        StateStore registry, ClaimCheck claims, WorkflowsClient workflowsApi, ExecutionsClient executionsApi) {
}
