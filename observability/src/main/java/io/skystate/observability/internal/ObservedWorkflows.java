package io.skystate.observability.internal;

import io.micrometer.core.instrument.Tags;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.skystate.api.Codec;
import io.skystate.api.workflow.PendingCallback;
import io.skystate.api.workflow.RunPage;
import io.skystate.api.workflow.RunQuery;
import io.skystate.api.workflow.StepExecution;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.api.workflow.WorkflowRun;
import io.skystate.api.workflow.Workflows;
import io.skystate.observability.SkystateMeters;
import io.skystate.observability.SkystateSpans;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * {@link Workflows} that time every call ({@link SkystateMeters#WORKFLOW_OPERATIONS}) in a span
 * {@code workflow.<operation>}; a start is a producer span {@code workflow.start <workflow>} whose context is stored
 * for the run's steps ({@link RunContexts}) before the engine is asked, and counts the run once per instance id.
 * A {@code run} or {@code await} that returns a finished run counts it once, with its duration. Results, errors and
 * idempotency are the delegate's. Thread-safe.
 */
final class ObservedWorkflows implements Workflows {
    private final Workflows delegate;
    private final Telemetry telemetry;
    private final RunContexts runs;
    private final String provider;
    private final ConcurrentMap<String, Operation> operations = new ConcurrentHashMap<>();

    ObservedWorkflows(Workflows delegate, Telemetry telemetry, RunContexts runs, String provider) {
        this.delegate = delegate;
        this.telemetry = telemetry;
        this.runs = runs;
        this.provider = provider;
    }

    private Operation operation(String name) {
        return operations.computeIfAbsent(name, n -> telemetry.operation(SkystateMeters.WORKFLOW_OPERATIONS,
                Tags.of("operation", n), "workflow." + n, SpanKind.INTERNAL,
                Attributes.of(SkystateSpans.OPERATION, n, SkystateSpans.PROVIDER, provider)));
    }

    /** Start spans are named after their workflow (a bounded set) and are producers: the run goes on elsewhere. */
    private Operation start(String workflow) {
        return operations.computeIfAbsent("start " + workflow, n -> telemetry.operation(SkystateMeters.WORKFLOW_OPERATIONS,
                Tags.of("operation", "start"), "workflow.start " + workflow, SpanKind.PRODUCER,
                Attributes.of(SkystateSpans.OPERATION, "start", SkystateSpans.WORKFLOW, workflow,
                        SkystateSpans.PROVIDER, provider)));
    }

    private static Attributes runId(String instanceId) {
        return Attributes.of(SkystateSpans.RUN_ID, instanceId);
    }

    @Override
    public WorkflowDefinition register(WorkflowDefinition definition) {
        // A null definition is the delegate's to reject, with its own exception.
        Attributes workflow = definition == null ? Attributes.empty() : Attributes.of(SkystateSpans.WORKFLOW, definition.name());
        return operation("register").call(telemetry.currentContext(), workflow, () -> delegate.register(definition));
    }

    @Override
    public WorkflowRun start(String workflow, String instanceId, byte[] inputJson) {
        return started(workflow, instanceId, () -> delegate.start(workflow, instanceId, inputJson));
    }

    @Override
    public WorkflowRun start(String workflow, int version, String instanceId, byte[] inputJson) {
        return started(workflow, instanceId, () -> delegate.start(workflow, version, instanceId, inputJson));
    }

    private WorkflowRun started(String workflow, String instanceId, Supplier<WorkflowRun> body) {
        return start(workflow).call(telemetry.currentContext(), runId(instanceId), () -> {
            boolean first = instanceId != null && workflow != null && runs.remember(instanceId, workflow, telemetry.currentContext());
            WorkflowRun started;
            try {
                started = body.get();
            } catch (RuntimeException | Error e) {
                if (first) {
                    runs.forget(instanceId);
                }
                throw e;
            }
            if (first) {
                telemetry.counter(SkystateMeters.WORKFLOW_RUNS_STARTED, Tags.of("workflow", workflow)).increment();
            }
            return started;
        });
    }

    @Override
    public WorkflowRun run(String instanceId) {
        return operation("run").call(telemetry.currentContext(), runId(instanceId), () -> finished(delegate.run(instanceId)));
    }

    @Override
    public WorkflowRun await(String instanceId, Duration maxWait) throws InterruptedException {
        return operation("await").call(telemetry.currentContext(), runId(instanceId),
                () -> finished(delegate.await(instanceId, maxWait)));
    }

    private WorkflowRun finished(WorkflowRun run) {
        if (telemetry.metrics() && run.status().finished() && runs.claimFinish(run.instanceId())) {
            Duration took = Duration.between(run.startedAt(), run.endedAt().orElse(telemetry.clock().instant()));
            telemetry.timer(SkystateMeters.WORKFLOW_RUNS_FINISHED,
                    Tags.of("workflow", String.valueOf(run.workflow()), "status", run.status().name())).record(took);
        }
        return run;
    }

    @Override
    public List<StepExecution> history(String instanceId) {
        return operation("history").call(telemetry.currentContext(), runId(instanceId), () -> delegate.history(instanceId));
    }

    @Override
    public void cancel(String instanceId, String reason) {
        operation("cancel").call(telemetry.currentContext(), runId(instanceId), () -> {
            delegate.cancel(instanceId, reason);
            return null;
        });
    }

    @Override
    public void completeCallback(String token, byte[] resultJson) {
        operation("completeCallback").call(() -> {
            delegate.completeCallback(token, resultJson);
            return null;
        });
    }

    @Override
    public void failCallback(String token, String error, String cause) {
        operation("failCallback").call(() -> {
            delegate.failCallback(token, error, cause);
            return null;
        });
    }

    @Override
    public void heartbeatCallback(String token) {
        operation("heartbeatCallback").call(() -> {
            delegate.heartbeatCallback(token);
            return null;
        });
    }

    @Override
    public RunPage runs(RunQuery query) {
        return operation("runs").call(() -> delegate.runs(query));
    }

    @Override
    public List<StepExecution> currentSteps(String instanceId) {
        return operation("currentSteps").call(telemetry.currentContext(), runId(instanceId), () -> delegate.currentSteps(instanceId));
    }

    @Override
    public List<PendingCallback> pendingCallbacks(String instanceId) {
        return operation("pendingCallbacks").call(telemetry.currentContext(), runId(instanceId),
                () -> delegate.pendingCallbacks(instanceId));
    }

    @Override
    public void signal(String instanceId, String event, byte[] payloadJson) {
        operation("signal").call(telemetry.currentContext(), runId(instanceId), () -> {
            delegate.signal(instanceId, event, payloadJson);
            return null;
        });
    }

    @Override
    public WorkflowRun redrive(String instanceId) {
        return operation("redrive").call(telemetry.currentContext(), runId(instanceId), () -> {
            WorkflowRun redriven = delegate.redrive(instanceId);
            if (telemetry.metrics()) {
                runs.reopen(instanceId);
            }
            return redriven;
        });
    }

    @Override
    public Optional<WorkflowDefinition> definition(String workflow, Optional<Integer> version) {
        return operation("definition").call(() -> delegate.definition(workflow, version));
    }

    @Override
    public Codec codec() {
        return delegate.codec();
    }
}
