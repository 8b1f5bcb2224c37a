package io.skystate.azure.internal.durable;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.durabletask.NewOrchestrationInstanceOptions;
import com.microsoft.durabletask.OrchestrationMetadata;
import com.microsoft.durabletask.OrchestrationRuntimeStatus;
import io.grpc.StatusRuntimeException;
import io.skystate.api.AlreadyExistsException;
import io.skystate.api.Codec;
import io.skystate.api.NotFoundException;
import io.skystate.api.workflow.PendingCallback;
import io.skystate.api.workflow.RunPage;
import io.skystate.api.workflow.RunQuery;
import io.skystate.api.workflow.RunStateException;
import io.skystate.api.workflow.RunStatus;
import io.skystate.api.workflow.StepExecution;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.api.workflow.WorkflowErrors;
import io.skystate.api.workflow.WorkflowRun;
import io.skystate.api.workflow.Workflows;
import io.skystate.core.workflow.RunRequests;
import io.skystate.core.workflow.ops.RunPageTokens;
import io.skystate.core.workflow.ops.Signals;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * {@link Workflows} on Durable Task: run id = orchestration instance id (of a redriven run's current generation:
 * {@link RunRegistry.RunRecord#orchestration}). A start is recorded in the registry first
 * (fingerprint of workflow, version and input), so a repeated start returns the existing run and a conflicting one
 * raises {@link AlreadyExistsException}, whatever the backend says about existing ids. The orchestration input
 * carries the pinned definition document and the (claim-checked) input. Cancel terminates the orchestration and
 * its branches and fails their pending callback tokens. Runs are listed from core's run index in the registry store
 * ({@link RunListing}). Thread-safe.
 */
final class DurableWorkflows implements Workflows {
    private final EngineParts parts;
    private final DefinitionStore definitions;
    private final BranchStopper stopper;
    private final HistoryReader histories;
    private final RunListing listing;
    private final Redriver redriver;

    DurableWorkflows(EngineParts parts, DefinitionStore definitions, BranchStopper stopper, RunPageTokens tokens) {
        this.parts = parts;
        this.definitions = definitions;
        this.stopper = stopper;
        this.histories = new HistoryReader(parts);
        this.listing = new RunListing(parts, tokens, this::run);
        this.redriver = new Redriver(parts, definitions, histories, this::run);
    }

    @Override
    public WorkflowDefinition register(WorkflowDefinition definition) {
        return definitions.register(definition);
    }

    @Override
    public WorkflowRun start(String workflow, String instanceId, byte[] inputJson) {
        return start(workflow, definitions.latestVersion(workflow), instanceId, inputJson);
    }

    @Override
    public WorkflowRun start(String workflow, int version, String instanceId, byte[] inputJson) {
        RunRequests.checkInstanceId(parts.provider(), instanceId);
        parts.codec().validate(inputJson);
        String document = definitions.document(workflow, version);
        WorkflowDefinition definition = Definitions.parse(document);
        String hash = RunRequests.fingerprint(parts.codec(), workflow, version, inputJson);
        long now = parts.clock().millis();
        Long deadline = definition.timeout().map(t -> now + t.toMillis()).orElse(null);
        RunRegistry.RunRecord record = new RunRegistry.RunRecord(workflow, version, hash, now, deadline, 0);
        try {
            parts.registry().putRun(instanceId, record);
        } catch (AlreadyExistsException exists) {
            RunRegistry.RunRecord first = parts.registry().requireRun(parts.provider(), instanceId);
            if (!first.inputHash().equals(hash)) {
                throw new AlreadyExistsException(parts.provider(), "instance '" + instanceId
                        + "' already exists with a different workflow, version or input", exists);
            }
            if (parts.durable().getInstanceMetadata(instanceId, false).isInstanceFound()) {
                return run(instanceId);
            }
            record = first;
        }
        listing.add(instanceId, record);
        JsonNode data = parts.claims().offload(parts.codec().tree(inputJson));
        RunInput input = RunInput.start(instanceId, document, definition.startAt(), data, Workflows.MAX_STEP_ATTEMPTS);
        try {
            parts.durable().scheduleNewOrchestrationInstance(Names.ORCHESTRATION, new NewOrchestrationInstanceOptions()
                    .setInstanceId(instanceId).setInput(Json.write(input)));
        } catch (StatusRuntimeException e) {
            if (!String.valueOf(e.getMessage()).contains("already exists")) {
                throw e;
            }
            // a concurrent start with the same fingerprint scheduled it first
            return run(instanceId);
        }
        return new WorkflowRun(instanceId, workflow, version, RunStatus.RUNNING, Optional.empty(), Optional.empty(),
                Optional.empty(), Instant.ofEpochMilli(record.startedAt()), Optional.empty());
    }

    @Override
    public WorkflowRun run(String instanceId) {
        RunRegistry.RunRecord record = parts.registry().requireRun(parts.provider(), instanceId);
        OrchestrationMetadata m = parts.durable().getInstanceMetadata(record.orchestration(instanceId), true);
        if (!m.isInstanceFound()) {
            throw new NotFoundException(parts.provider(), "instance '" + instanceId + "' was recorded but never started");
        }
        Instant started = Instant.ofEpochMilli(record.startedAt());
        if (BranchStopper.running(m.getRuntimeStatus())) {
            return new WorkflowRun(instanceId, record.workflow(), record.version(), RunStatus.RUNNING, Optional.empty(),
                    Optional.empty(), Optional.empty(), started, Optional.empty());
        }
        Optional<Instant> ended = Optional.of(m.getLastUpdatedAt());
        if (m.getRuntimeStatus() == OrchestrationRuntimeStatus.FAILED) {
            return new WorkflowRun(instanceId, record.workflow(), record.version(), RunStatus.FAILED, Optional.empty(),
                    Optional.of(m.getFailureDetails().getErrorType()),
                    Optional.ofNullable(m.getFailureDetails().getErrorMessage()), started, ended);
        }
        JsonNode result = Json.tree(m.readOutputAs(String.class));
        RunStatus status = RunStatus.valueOf(result.get("status").asText());
        Optional<byte[]> output = status == RunStatus.SUCCEEDED
                ? Optional.of(parts.codec().encode(parts.claims().resolve(result.get("output")))) : Optional.empty();
        Optional<String> error = Optional.ofNullable(result.get("error")).map(JsonNode::asText);
        Optional<String> cause = Optional.ofNullable(result.get("cause")).map(JsonNode::asText);
        return new WorkflowRun(instanceId, record.workflow(), record.version(), status, output, error, cause, started,
                ended);
    }

    /** Waits on the backend (no polling from here), then reads the run. */
    @Override
    public WorkflowRun await(String instanceId, Duration maxWait) throws InterruptedException {
        RunRegistry.RunRecord record = parts.registry().requireRun(parts.provider(), instanceId);
        if (!maxWait.isNegative() && !maxWait.isZero()) {
            try {
                parts.durable().waitForInstanceCompletion(record.orchestration(instanceId), maxWait, false);
            } catch (TimeoutException stillRunning) {
                // report it as it is
            }
        }
        return run(instanceId);
    }

    @Override
    public List<StepExecution> history(String instanceId) {
        boolean finished = run(instanceId).status().finished();
        String orchestration = parts.registry().orchestration(instanceId);
        return histories.history(instanceId, parts.durable().getInstanceMetadata(orchestration, true), finished);
    }

    @Override
    public RunPage runs(RunQuery query) {
        return listing.runs(query);
    }

    @Override
    public List<PendingCallback> pendingCallbacks(String instanceId) {
        return listing.pendingCallbacks(instanceId);
    }

    /**
     * Checks the event ({@link Signals}) and that the run exists and is running, then raises it on the run's
     * orchestration as a Durable external event ({@link Names#signalEvent}), which the backend records in the
     * instance's history before the call returns. A run that ends meanwhile drops it, as a finished run drops every
     * event it did not take.
     */
    @Override
    public void signal(String instanceId, String event, byte[] payloadJson) {
        Signals.check(parts.provider(), parts.codec(), event, payloadJson);
        requireRunning(instanceId);
        try {
            parts.durable().raiseEvent(parts.registry().orchestration(instanceId), Names.signalEvent(event),
                    new String(payloadJson, StandardCharsets.UTF_8));
        } catch (StatusRuntimeException e) {
            requireRunning(instanceId); // the run ended meanwhile: say so rather than pass on the backend's refusal
            throw e;
        }
    }

    private void requireRunning(String instanceId) {
        if (run(instanceId).status().finished()) {
            throw new RunStateException(parts.provider(), "run '" + instanceId + "' has finished: it takes no events");
        }
    }

    /** See {@link Redriver}: a new generation of the run's orchestration, at the step that ended it. */
    @Override
    public WorkflowRun redrive(String instanceId) {
        return redriver.redrive(instanceId);
    }

    @Override
    public void cancel(String instanceId, String reason) {
        run(instanceId);
        stopper.stopRun(instanceId, parts.registry().orchestration(instanceId),
                RunResults.stopped(RunStatus.CANCELLED, WorkflowErrors.CANCELLED, reason));
    }

    @Override
    public void completeCallback(String token, byte[] resultJson) {
        parts.callbacks().complete(token, resultJson);
    }

    @Override
    public void failCallback(String token, String error, String cause) {
        parts.callbacks().fail(token, error, cause);
    }

    @Override
    public void heartbeatCallback(String token) {
        parts.callbacks().heartbeat(token);
    }

    @Override
    public Optional<WorkflowDefinition> definition(String workflow, Optional<Integer> version) {
        return version.or(() -> definitions.findLatestVersion(workflow)).flatMap(v -> definitions.find(workflow, v));
    }

    @Override
    public Codec codec() {
        return parts.codec();
    }
}
