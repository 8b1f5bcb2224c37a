package io.skystate.gcp.internal.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.api.gax.rpc.ApiException;
import com.google.cloud.workflows.executions.v1.CreateExecutionRequest;
import com.google.cloud.workflows.executions.v1.Execution;
import io.skystate.api.AlreadyExistsException;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.core.workflow.RunRequests;
import io.skystate.core.workflow.ops.RunIndex;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.Duration;
import java.util.Optional;

/**
 * Starting runs. The run record is created first (if absent), so an instance id names one run and a repeated start
 * is compared with the first by fingerprint; then the execution is created with the argument
 * {@code {"d": input, "c": {"run", "fn"}}} (the input offloaded like any large value; if it still exceeds Workflows'
 * 32 KB argument limit it is stored and the workflow fetches it) and linked to the run. A start that finds a
 * record without an execution older than {@link #TAKE_OVER_AFTER} (its first starter died) creates it; an execution
 * that cannot be linked (another was, or the run was stopped meanwhile) is cancelled. Workflows generates execution
 * ids, so the instance id maps to the execution only through the registry. Thread-safe.
 */
final class Starts {
    /** Workflows' limit on an execution argument. */
    static final int MAX_ARGUMENT_BYTES = 32 * 1024;
    static final Duration TAKE_OVER_AFTER = Duration.ofSeconds(60);

    private final EngineContext ctx;
    private final Deployments deployments;
    private final RunRegistry runs;
    private final RunIndex index;

    Starts(EngineContext ctx, Deployments deployments, RunRegistry runs, RunIndex index) {
        this.ctx = ctx;
        this.deployments = deployments;
        this.runs = runs;
        this.index = index;
    }

    /**
     * Starts the run (or finds it started); returns the record a fresh start wrote, or empty when the run existed
     * already (the caller reads its state).
     */
    Optional<RunRecord> start(String workflow, int version, String id, byte[] inputJson) {
        RunRequests.checkInstanceId(GcpErrors.PROVIDER, id);
        ctx.codec().validate(inputJson);
        WorkflowDefinition definition = deployments.require(workflow, version);
        String fingerprint = RunRequests.fingerprint(ctx.codec(), workflow, version, inputJson);
        long now = ctx.clock().millis();
        Long deadline = definition.timeout().map(t -> now + t.toMillis()).orElse(null);
        RunRecord record = new RunRecord(workflow, version, fingerprint, null, now, deadline, null, null, false);
        try {
            runs.create(id, record);
            index(id, record);
        } catch (AlreadyExistsException exists) {
            RunRecord first = runs.require(id);
            if (!first.fingerprint().equals(fingerprint)) {
                throw new AlreadyExistsException(GcpErrors.PROVIDER, "instance '" + id
                        + "' already exists with a different workflow, version or input", exists);
            }
            index(id, first); // repairs a first start that died between its two writes
            if (first.execution() != null || first.stop() != null
                    || now - first.startedAt() < TAKE_OVER_AFTER.toMillis()) {
                return Optional.empty();
            }
            record = first;
        }
        Execution execution = create(deployments.workflowName(workflow, version), id, inputJson);
        if (!runs.link(id, record, execution.getName())) {
            try {
                ctx.executionsApi().cancelExecution(execution.getName());
            } catch (ApiException ended) {
                // the duplicate ended already
            }
            return Optional.empty();
        }
        return Optional.of(record.withExecution(execution.getName()));
    }

    private void index(String id, RunRecord record) {
        index.add(new RunIndex.Entry(id, record.workflow(), record.version(), Instant.ofEpochMilli(record.startedAt())));
    }

    private Execution create(String workflowName, String id, byte[] inputJson) {
        JsonNode data = ctx.claims().offload(ctx.codec().tree(inputJson));
        ObjectNode argument = ctx.codec().mapper().createObjectNode();
        argument.putObject(Protocol.ARG_CONTEXT).put(Protocol.RUN, id)
                .put(Protocol.ARG_FUNCTION, ctx.settings().functionBaseUrl().toString());
        argument.set(Protocol.ARG_DATA, data);
        String text = new String(ctx.codec().encode(argument), StandardCharsets.UTF_8);
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_ARGUMENT_BYTES) {
            runs.storeInput(id, data);
            argument.remove(Protocol.ARG_DATA);
            text = new String(ctx.codec().encode(argument), StandardCharsets.UTF_8);
        }
        try {
            return ctx.executionsApi().createExecution(CreateExecutionRequest.newBuilder().setParent(workflowName)
                    .setExecution(Execution.newBuilder().setArgument(text)).build());
        } catch (ApiException e) {
            throw GcpErrors.translate("start " + id, e);
        }
    }
}
