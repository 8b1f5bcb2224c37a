package io.skystate.local.internal.workflow;

import io.skystate.api.AlreadyExistsException;
import io.skystate.api.Codec;
import io.skystate.api.NotFoundException;
import io.skystate.api.workflow.PendingCallback;
import io.skystate.api.workflow.RunPage;
import io.skystate.api.workflow.RunQuery;
import io.skystate.api.workflow.RunStatus;
import io.skystate.api.workflow.StepExecution;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.api.workflow.WorkflowErrors;
import io.skystate.api.workflow.WorkflowRun;
import io.skystate.api.workflow.Workflows;
import io.skystate.core.workflow.RunRequests;
import io.skystate.core.workflow.ops.Redrives;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The local adapter's {@link Workflows}: runs are rows and frames in the embedded database. Thread-safe. */
public final class LocalWorkflows implements Workflows {
    private final EngineContext ctx;
    private final RunControl control;
    private final RunListing listing;
    private final EventSteps events;
    private final Redriver redriver;

    LocalWorkflows(EngineContext ctx, RunControl control, RunListing listing, EventSteps events, Redriver redriver) {
        this.ctx = ctx;
        this.control = control;
        this.listing = listing;
        this.events = events;
        this.redriver = redriver;
    }

    @Override
    public WorkflowDefinition register(WorkflowDefinition definition) {
        return ctx.definitions().register(definition);
    }

    @Override
    public WorkflowRun start(String workflow, String instanceId, byte[] inputJson) {
        int version = ctx.definitions().latestVersion(workflow).orElseThrow(() ->
                new NotFoundException("local", "workflow '" + workflow + "' is not registered"));
        return start(workflow, version, instanceId, inputJson);
    }

    @Override
    public WorkflowRun start(String workflow, int version, String instanceId, byte[] inputJson) {
        RunRequests.checkInstanceId("local", instanceId);
        ctx.codec().validate(inputJson);
        WorkflowDefinition definition = ctx.definitions().require(workflow, version);
        String hash = RunRequests.fingerprint(ctx.codec(), workflow, version, inputJson);
        long now = ctx.clock().millis();
        byte[] data = ctx.codec().encode(ctx.claims().offload(ctx.codec().tree(inputJson)));
        ctx.database().inTransaction(c -> {
            Optional<RunRow> existing = RunTable.find(c, instanceId);
            if (existing.isPresent()) {
                if (!existing.get().inputHash().equals(hash)) {
                    throw new AlreadyExistsException("local", "instance '" + instanceId
                            + "' already exists with a different workflow, version or input");
                }
                return null;
            }
            Long deadline = definition.timeout().map(t -> now + t.toMillis()).orElse(null);
            RunTable.insert(c, new RunRow(instanceId, workflow, version, RunStatus.RUNNING.name(), hash, null, null,
                    null, now, null, deadline, null, 0, 0));
            FrameTable.save(c, new Frame(instanceId, 0, null, null, "", definition.startAt(), data, Frame.READY, null,
                    0, 0, null, null, null));
            return null;
        });
        ctx.wake().run();
        return run(instanceId);
    }

    @Override
    public WorkflowRun run(String instanceId) {
        RunRow row = ctx.database().inTransaction(c -> RunTable.find(c, instanceId)).orElseThrow(() ->
                new NotFoundException("local", "no workflow instance '" + instanceId + "'"));
        RunStatus status = row.reported();
        return new WorkflowRun(row.id(), row.workflow(), row.version(), status, Optional.ofNullable(row.output()),
                status.finished() ? Optional.ofNullable(row.error()) : Optional.empty(),
                status.finished() ? Optional.ofNullable(row.cause()) : Optional.empty(),
                Instant.ofEpochMilli(row.startedAt()), Optional.ofNullable(row.endedAt()).map(Instant::ofEpochMilli));
    }

    @Override
    public WorkflowRun await(String instanceId, Duration maxWait) throws InterruptedException {
        return RunRequests.await(this, instanceId, maxWait, Duration.ofMillis(10));
    }

    @Override
    public List<StepExecution> history(String instanceId) {
        run(instanceId);
        return ctx.database().inTransaction(c -> HistoryTable.list(c, instanceId));
    }

    @Override
    public void cancel(String instanceId, String reason) {
        run(instanceId);
        control.stop(instanceId, RunStatus.CANCELLED, WorkflowErrors.CANCELLED, reason);
    }

    @Override
    public void completeCallback(String token, byte[] resultJson) {
        ctx.callbacks().complete(token, resultJson);
    }

    @Override
    public void failCallback(String token, String error, String cause) {
        ctx.callbacks().fail(token, error, cause);
    }

    @Override
    public void heartbeatCallback(String token) {
        ctx.callbacks().heartbeat(token);
    }

    @Override
    public RunPage runs(RunQuery query) {
        return listing.runs(query);
    }

    @Override
    public List<PendingCallback> pendingCallbacks(String instanceId) {
        return listing.pendingCallbacks(instanceId);
    }

    @Override
    public void signal(String instanceId, String event, byte[] payloadJson) {
        events.signal(instanceId, event, payloadJson);
    }

    @Override
    public WorkflowRun redrive(String instanceId) {
        redriver.redrive(instanceId);
        return Redrives.restarted(run(instanceId));
    }

    @Override
    public Optional<WorkflowDefinition> definition(String workflow, Optional<Integer> version) {
        return version.or(() -> ctx.definitions().latestVersion(workflow)).flatMap(v -> ctx.definitions().find(workflow, v));
    }

    @Override
    public Codec codec() {
        return ctx.codec();
    }
}
