package io.skystate.gcp.internal.workflows;

import io.skystate.api.Codec;
import io.skystate.api.Arguments;
import io.skystate.api.NotFoundException;
import io.skystate.api.UnsupportedCapabilityException;
import io.skystate.api.workflow.PendingCallback;
import io.skystate.api.workflow.RunPage;
import io.skystate.api.workflow.RunQuery;
import io.skystate.api.workflow.RunStateException;
import io.skystate.api.workflow.RunStatus;
import io.skystate.api.workflow.StepExecution;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.api.workflow.WorkflowRun;
import io.skystate.api.workflow.Workflows;
import io.skystate.core.callback.StoreBackedCallbacks;
import io.skystate.core.workflow.RunRequests;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@link Workflows} on Cloud Workflows: definitions deploy as one workflow per version ({@link Deployments}), runs
 * are executions mapped through run records ({@link Starts}, {@link RunViews}), histories come from the history
 * store ({@link HistoryStore}), cancel cancels the execution ({@link RunControl}), and workflow callbacks are
 * Skystate callbacks relayed to the executions' callback endpoints ({@link CallbackRelay}); runs and pending callbacks
 * are listed from the run index and the relay records ({@link RunListing}); signals go through an event inbox to
 * awaitEvent steps waiting on callback endpoints ({@link EventWaits}). Thread-safe.
 */
final class GcpWorkflows implements Workflows {
    private final EngineContext ctx;
    private final Deployments deployments;
    private final Starts starts;
    private final RunViews views;
    private final HistoryStore history;
    private final RunControl control;
    private final CallbackRelay relay;
    private final RunListing listing;
    private final EventWaits events;

    GcpWorkflows(EngineContext ctx, Deployments deployments, Starts starts, RunViews views, HistoryStore history,
            RunControl control, CallbackRelay relay, RunListing listing, EventWaits events) {
        this.listing = listing;
        this.events = events;
        this.ctx = ctx;
        this.deployments = deployments;
        this.starts = starts;
        this.views = views;
        this.history = history;
        this.control = control;
        this.relay = relay;
    }

    @Override
    public WorkflowDefinition register(WorkflowDefinition definition) {
        return deployments.register(definition);
    }

    @Override
    public WorkflowRun start(String workflow, String instanceId, byte[] inputJson) {
        int version = deployments.latestVersion(workflow).orElseThrow(() ->
                new NotFoundException(GcpErrors.PROVIDER, "workflow '" + workflow + "' is not registered"));
        return start(workflow, version, instanceId, inputJson);
    }

    @Override
    public WorkflowRun start(String workflow, int version, String instanceId, byte[] inputJson) {
        Optional<RunRecord> fresh = starts.start(workflow, version, instanceId, inputJson);
        return fresh.map(r -> new WorkflowRun(instanceId, workflow, version, RunStatus.RUNNING, Optional.empty(),
                Optional.empty(), Optional.empty(), java.time.Instant.ofEpochMilli(r.startedAt()), Optional.empty()))
                .orElseGet(() -> run(instanceId));
    }

    @Override
    public WorkflowRun run(String instanceId) {
        return views.run(instanceId);
    }

    @Override
    public WorkflowRun await(String instanceId, Duration maxWait) throws InterruptedException {
        return RunRequests.await(this, instanceId, maxWait, Duration.ofMillis(100));
    }

    @Override
    public List<StepExecution> history(String instanceId) {
        views.recordEnd(instanceId);
        return history.list(instanceId);
    }

    @Override
    public RunPage runs(RunQuery query) {
        Arguments.notNull(query, "query");
        return listing.runs(query);
    }

    @Override
    public List<PendingCallback> pendingCallbacks(String instanceId) {
        return listing.pendingCallbacks(instanceId);
    }

    /** Checks the run (NotFoundException, RunStateException once finished), then records and delivers the event. */
    @Override
    public void signal(String instanceId, String event, byte[] payloadJson) {
        Arguments.notNull(event, "event");
        Arguments.notNull(payloadJson, "payloadJson");
        if (views.run(instanceId).status().finished()) {
            throw new RunStateException(GcpErrors.PROVIDER, "run '" + instanceId + "' has finished: it takes no events");
        }
        events.signal(instanceId, event, payloadJson);
    }

    /**
     * Not on this engine (no {@link io.skystate.api.Capability#WORKFLOW_REDRIVE}): it runs one Cloud Workflows
     * execution per run, and its history, invocation ids and run record assume that execution ends once. Checks the
     * run exists, then throws {@link UnsupportedCapabilityException}; nothing changes.
     */
    @Override
    public WorkflowRun redrive(String instanceId) {
        views.run(instanceId);
        throw new UnsupportedCapabilityException(GcpErrors.PROVIDER, "redrive is not available on the Cloud Workflows"
                + " engine (one execution per run); start a new run with the failed run's input instead");
    }

    @Override
    public void cancel(String instanceId, String reason) {
        if (views.run(instanceId).status() == RunStatus.RUNNING) {
            control.stop(instanceId, RunStatus.CANCELLED, reason);
        }
    }

    @Override
    public void completeCallback(String token, byte[] resultJson) {
        StoreBackedCallbacks.checkResultSize(GcpErrors.PROVIDER, resultJson);
        relay.complete(token, resultJson);
    }

    @Override
    public void failCallback(String token, String error, String cause) {
        relay.fail(token, error, cause);
    }

    @Override
    public void heartbeatCallback(String token) {
        relay.heartbeat(token);
    }

    @Override
    public Optional<WorkflowDefinition> definition(String workflow, Optional<Integer> version) {
        return version.or(() -> deployments.latestVersion(workflow)).flatMap(v -> deployments.find(workflow, v));
    }

    @Override
    public Codec codec() {
        return ctx.codec();
    }
}
