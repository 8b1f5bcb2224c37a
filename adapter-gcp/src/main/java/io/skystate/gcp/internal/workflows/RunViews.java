package io.skystate.gcp.internal.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.api.gax.rpc.ApiException;
import com.google.cloud.workflows.executions.v1.Execution;
import com.google.protobuf.Timestamp;
import io.skystate.api.InvalidRequestException;
import io.skystate.api.workflow.RunStatus;
import io.skystate.api.workflow.Step;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.api.workflow.WorkflowErrors;
import io.skystate.api.workflow.WorkflowRun;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A run's state, read from its record and its execution: ACTIVE is RUNNING (a run past its deadline is stopped on
 * the way: TIMED_OUT), SUCCEEDED has the output in the result's {@code d} (claim-check references resolved),
 * FAILED has the portable error and cause of the raised payload, CANCELLED is what the record says the engine
 * stopped it as (TIMED_OUT or CANCELLED). Finished runs are cached. {@link #recordEnd} records, once, the history
 * events in a finished run's result or error payload and cancels the entries left open. Thread-safe.
 */
final class RunViews {
    private static final int FINISHED_CACHE = 10_000;
    private final EngineContext ctx;
    private final Deployments deployments;
    private final RunRegistry runs;
    private final HistoryStore history;
    private final RunControl control;
    /** Finished runs never change; the most recently seen are kept. */
    private final Map<String, WorkflowRun> finished = recent();
    /** Runs whose end this process has recorded in the history. */
    private final Set<String> recorded = Collections.newSetFromMap(recent());

    RunViews(EngineContext ctx, Deployments deployments, RunRegistry runs, HistoryStore history, RunControl control) {
        this.ctx = ctx;
        this.deployments = deployments;
        this.runs = runs;
        this.history = history;
        this.control = control;
    }

    WorkflowRun run(String id) {
        WorkflowRun done = finished.get(id);
        if (done != null) {
            return done;
        }
        RunRecord record = runs.startedRecord(id);
        Instant started = Instant.ofEpochMilli(record.startedAt());
        if (record.execution() == null) {
            return running(id, record, started);
        }
        Execution execution = get(record);
        if (execution.getState() == Execution.State.ACTIVE || execution.getState() == Execution.State.QUEUED) {
            if (record.deadline() == null || ctx.clock().millis() < record.deadline()
                    || !control.stop(id, RunStatus.TIMED_OUT, RunControl.timeoutCause())) {
                return running(id, record, started);
            }
            execution = get(record);
        }
        if (execution.getState() == Execution.State.CANCELLED) {
            record = runs.require(id);
        }
        WorkflowRun run = ended(id, record, execution, started);
        if (run.status() != RunStatus.RUNNING) {
            finished.put(id, run);
        }
        return run;
    }

    /**
     * Records, once, the history events a finished run's execution carries in its result or error payload and closes
     * the entries left open; for {@code history()}, so reading a run's state stays one Executions call.
     */
    void recordEnd(String id) {
        if (!run(id).status().finished() || recorded.contains(id)) {
            return;
        }
        RunRecord record = runs.require(id);
        if (!record.recorded()) {
            recordEnd(id, record, get(record));
            control.ended(id);
        }
        recorded.add(id);
    }

    private WorkflowRun ended(String id, RunRecord record, Execution execution, Instant started) {
        Optional<Instant> end = execution.hasEndTime() ? Optional.of(instant(execution.getEndTime())) : Optional.empty();
        switch (execution.getState()) {
            case SUCCEEDED -> {
                JsonNode data = ctx.claims().resolve(ctx.codec().tree(utf8(execution.getResult())).path(Protocol.RESULT_DATA));
                return new WorkflowRun(id, record.workflow(), record.version(), RunStatus.SUCCEEDED,
                        Optional.of(ctx.codec().encode(data)), Optional.empty(), Optional.empty(), started, end);
            }
            case FAILED -> {
                JsonNode payload = payload(execution);
                return new WorkflowRun(id, record.workflow(), record.version(), RunStatus.FAILED, Optional.empty(),
                        Optional.of(payload.path(Protocol.ERROR).asText(WorkflowErrors.DATA_ERROR)),
                        Optional.of(payload.path(Protocol.CAUSE).asText("")), started, end);
            }
            case CANCELLED -> {
                RunStatus status = RunStatus.TIMED_OUT.name().equals(record.stop()) ? RunStatus.TIMED_OUT
                        : RunStatus.CANCELLED;
                return new WorkflowRun(id, record.workflow(), record.version(), status, Optional.empty(),
                        Optional.of(RunControl.error(status)), Optional.ofNullable(record.stopCause()), started,
                        end.or(() -> Optional.of(ctx.clock().instant())));
            }
            default -> {
                return running(id, record, started);
            }
        }
    }

    private void recordEnd(String id, RunRecord record, Execution execution) {
        JsonNode log = switch (execution.getState()) {
            case SUCCEEDED -> ctx.codec().tree(utf8(execution.getResult())).get(Protocol.LOG);
            case FAILED -> payload(execution).get(Protocol.LOG);
            default -> null;
        };
        WorkflowDefinition definition = deployments.require(record.workflow(), record.version());
        history.merge(id, log, path -> Deployments.step(definition, path).map(Step::kind).orElse("task"));
        history.closeOpen(id, "CANCELLED");
        runs.update(id, r -> r.recorded() ? null : r.markRecorded());
        if (record.deadline() != null) {
            runs.dropDeadline(id, record.deadline());
        }
    }

    /** The raised map of a failed execution; a payload that is not one (a runner or platform error) is a DataError. */
    private JsonNode payload(Execution execution) {
        String text = execution.getError().getPayload();
        try {
            JsonNode payload = ctx.codec().tree(utf8(text));
            if (payload.isObject() && payload.path(Protocol.ERROR).isTextual()) {
                return payload;
            }
        } catch (InvalidRequestException notJson) {
            // reported below
        }
        return ctx.codec().mapper().createObjectNode().put(Protocol.ERROR, WorkflowErrors.DATA_ERROR)
                .put(Protocol.CAUSE, "the workflow failed outside its steps: " + text);
    }

    private Execution get(RunRecord record) {
        try {
            return ctx.executionsApi().getExecution(record.execution());
        } catch (ApiException e) {
            throw GcpErrors.translate("get execution " + record.execution(), e);
        }
    }

    private static WorkflowRun running(String id, RunRecord record, Instant started) {
        return new WorkflowRun(id, record.workflow(), record.version(), RunStatus.RUNNING, Optional.empty(),
                Optional.empty(), Optional.empty(), started, Optional.empty());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Instant instant(Timestamp time) {
        return Instant.ofEpochSecond(time.getSeconds(), time.getNanos());
    }

    /** A synchronized map keeping the {@value #FINISHED_CACHE} most recently used entries. */
    private static <V> Map<String, V> recent() {
        return Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > FINISHED_CACHE;
            }
        });
    }
}
