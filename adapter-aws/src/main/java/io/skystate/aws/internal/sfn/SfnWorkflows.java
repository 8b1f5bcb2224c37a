package io.skystate.aws.internal.sfn;

import io.skystate.api.AlreadyExistsException;
import io.skystate.api.Codec;
import io.skystate.api.NotFoundException;
import io.skystate.api.state.Key;
import io.skystate.api.state.PutOptions;
import io.skystate.api.workflow.PendingCallback;
import io.skystate.api.workflow.RunPage;
import io.skystate.api.workflow.RunQuery;
import io.skystate.api.workflow.RunStateException;
import io.skystate.api.workflow.RunStatus;
import io.skystate.api.workflow.StepExecution;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.api.workflow.WorkflowRun;
import io.skystate.api.workflow.Workflows;
import io.skystate.aws.internal.asl.AslErrors;
import java.nio.charset.StandardCharsets;
import io.skystate.core.workflow.RunRequests;
import io.skystate.core.workflow.ops.EventInbox;
import io.skystate.core.workflow.ops.RunPageTokens;
import io.skystate.core.workflow.ops.Signals;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * {@link Workflows} on Step Functions. Definitions compile to one state machine per version; each run is an
 * execution named after the instance id, recorded first in the registry store so instance ids are unique across
 * workflows and a repeated start can be compared with the first, then indexed for {@link #runs} ({@link RunListing}).
 * {@link #pendingCallbacks} joins the callback requests the worker recorded ({@link CallbackWaits}) with the steps
 * the execution history shows running; {@link #signal} keeps the event in the core {@link EventInbox} and hands it
 * to a waiting awaitEvent step ({@link EventWaits}). Thread-safe.
 */
final class SfnWorkflows implements Workflows {
    private final EngineParts parts;
    private final StateMachines machines;
    private final RunListing listing;
    private final CallbackWaits callbackWaits;
    private final EventInbox inbox;
    private final EventWaits eventWaits;
    private final SfnRedrives redrives;

    SfnWorkflows(EngineParts parts, RunPageTokens pageTokens) {
        this.parts = parts;
        this.machines = new StateMachines(parts);
        this.listing = new RunListing(parts, pageTokens);
        this.callbackWaits = new CallbackWaits(parts);
        this.inbox = new EventInbox(parts.registry(), parts.codec(), parts.clock(), "aws");
        this.eventWaits = new EventWaits(parts, inbox);
        this.redrives = new SfnRedrives(parts, machines, this, id -> {
            inbox.clear(id);
            eventWaits.clear(id);
        });
    }

    @Override
    public WorkflowDefinition register(WorkflowDefinition definition) {
        return machines.register(definition);
    }

    @Override
    public WorkflowRun start(String workflow, String instanceId, byte[] inputJson) {
        int version = machines.latestVersion(workflow)
                .orElseThrow(() -> new NotFoundException("aws", "workflow '" + workflow + "' is not registered"));
        return start(workflow, version, instanceId, inputJson);
    }

    @Override
    public WorkflowRun start(String workflow, int version, String instanceId, byte[] inputJson) {
        RunRequests.checkInstanceId("aws", instanceId);
        parts.codec().validate(inputJson);
        String machine = machines.arn(workflow, version);
        String hash = RunRequests.fingerprint(parts.codec(), workflow, version, inputJson);
        String executionArn = machine.replace(":stateMachine:", ":execution:") + ":" + instanceId;
        Key key = RunRecord.key(instanceId);
        try {
            parts.registry().putJson(key, new RunRecord(workflow, version, hash, executionArn), PutOptions.ifAbsent());
        } catch (AlreadyExistsException exists) {
            RunRecord first = record(instanceId);
            if (!first.inputHash().equals(hash)) {
                throw new AlreadyExistsException("aws", "instance '" + instanceId
                        + "' already exists with a different workflow, version or input", exists);
            }
        }
        String input = new String(parts.codec().encode(parts.claims().offload(parts.codec().tree(inputJson))),
                StandardCharsets.UTF_8);
        try {
            parts.clients().sfn().startExecution(b -> b.stateMachineArn(machine).name(instanceId).input(input));
        } catch (ExecutionAlreadyExistsException alreadyStarted) {
            // same name and input as the recorded start: the run exists
        } catch (SdkException e) {
            throw SfnErrors.translate("start " + instanceId, e);
        }
        WorkflowRun run = run(instanceId);
        listing.add(run);
        return run;
    }

    @Override
    public WorkflowRun run(String instanceId) {
        RunRecord record = record(instanceId);
        DescribeExecutionResponse d;
        try {
            d = parts.clients().sfn().describeExecution(b -> b.executionArn(record.latestExecution()));
        } catch (ExecutionDoesNotExistException notYet) {
            throw new NotFoundException("aws", "instance '" + instanceId + "' was recorded but never started", notYet);
        } catch (SdkException e) {
            throw SfnErrors.translate("describe " + instanceId, e);
        }
        RunStatus status = status(d.status());
        Optional<byte[]> output = Optional.ofNullable(d.output()).filter(o -> status == RunStatus.SUCCEEDED)
                .map(o -> parts.codec().encode(parts.claims().resolve(parts.codec().tree(o.getBytes(StandardCharsets.UTF_8)))));
        Optional<String> error = Optional.ofNullable(d.error()).filter(e -> status.finished()).map(AslErrors::toPortable)
                .or(() -> defaultError(status));
        return new WorkflowRun(instanceId, record.workflow(), record.version(), status, output, error,
                Optional.ofNullable(d.cause()).filter(c -> status.finished()), record.firstStart().orElse(d.startDate()),
                Optional.ofNullable(d.stopDate()));
    }

    @Override
    public WorkflowRun await(String instanceId, Duration maxWait) throws InterruptedException {
        return RunRequests.await(this, instanceId, maxWait, Duration.ofMillis(100));
    }

    @Override
    public List<StepExecution> history(String instanceId) {
        RunRecord record = record(instanceId);
        WorkflowDefinition definition = machines.require(record.workflow(), record.version());
        boolean finished = run(instanceId).status().finished();
        return new HistoryMapper(parts, definition).history(instanceId, record.executions(), finished);
    }

    @Override
    public RunPage runs(RunQuery query) {
        return listing.list(query, this::run, id -> record(id).redriveCount());
    }

    @Override
    public List<PendingCallback> pendingCallbacks(String instanceId) {
        List<StepExecution> history = history(instanceId);
        Set<String> running = history.stream().filter(e -> e.outcome() == StepExecution.Outcome.RUNNING)
                .map(StepExecution::path).collect(Collectors.toSet());
        return running.isEmpty() ? List.of() : callbackWaits.pending(instanceId, running);
    }

    @Override
    public void signal(String instanceId, String event, byte[] payloadJson) {
        WorkflowRun run = run(instanceId);
        Signals.check("aws", parts.codec(), event, payloadJson);
        if (run.status().finished()) {
            inbox.clear(instanceId);
            eventWaits.clear(instanceId);
            throw new RunStateException("aws", "run '" + instanceId + "' has ended (" + run.status()
                    + "): only a running run takes events");
        }
        inbox.append(instanceId, event, payloadJson);
        eventWaits.pump(instanceId, event);
    }

    @Override
    public WorkflowRun redrive(String instanceId) {
        return redrives.redrive(instanceId);
    }

    @Override
    public void cancel(String instanceId, String reason) {
        RunRecord record = record(instanceId);
        try {
            parts.clients().sfn().stopExecution(b -> b.executionArn(record.latestExecution()).error(io.skystate.api.workflow.WorkflowErrors.CANCELLED)
                    .cause(reason));
        } catch (SdkException e) {
            throw SfnErrors.translate("cancel " + instanceId, e);
        }
    }

    @Override
    public void completeCallback(String token, byte[] resultJson) {
        io.skystate.core.callback.StoreBackedCallbacks.checkResultSize("aws", resultJson);
        parts.codec().validate(resultJson);
        String output = new String(parts.codec().encode(parts.claims().offload(parts.codec().tree(resultJson))),
                StandardCharsets.UTF_8);
        SfnErrors.callback(() -> parts.clients().sfn().sendTaskSuccess(b -> b.taskToken(token).output(output)));
    }

    @Override
    public void failCallback(String token, String error, String cause) {
        SfnErrors.callback(() -> parts.clients().sfn().sendTaskFailure(b -> b.taskToken(token).error(error).cause(cause)));
    }

    @Override
    public void heartbeatCallback(String token) {
        SfnErrors.callback(() -> parts.clients().sfn().sendTaskHeartbeat(b -> b.taskToken(token)));
    }

    @Override
    public Optional<WorkflowDefinition> definition(String workflow, Optional<Integer> version) {
        return version.or(() -> machines.latestVersion(workflow)).flatMap(v -> machines.find(workflow, v));
    }

    @Override
    public Codec codec() {
        return parts.codec();
    }

    private RunRecord record(String instanceId) {
        return RunRecord.read(parts, instanceId);
    }

    /** DescribeExecution reports no error for timed-out or stopped runs; the portable API names one. */
    private static Optional<String> defaultError(RunStatus status) {
        return switch (status) {
            case TIMED_OUT -> Optional.of(io.skystate.api.workflow.WorkflowErrors.TIMEOUT);
            case CANCELLED -> Optional.of(io.skystate.api.workflow.WorkflowErrors.CANCELLED);
            default -> Optional.empty();
        };
    }

    private static RunStatus status(ExecutionStatus status) {
        return switch (status) {
            case SUCCEEDED -> RunStatus.SUCCEEDED;
            case FAILED -> RunStatus.FAILED;
            case TIMED_OUT -> RunStatus.TIMED_OUT;
            case ABORTED -> RunStatus.CANCELLED;
            default -> RunStatus.RUNNING;
        };
    }

}
