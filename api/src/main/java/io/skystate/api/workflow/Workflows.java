package io.skystate.api.workflow;

import io.skystate.api.Codec;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The workflow engine of a provider: the local durable engine, Step Functions, Durable Functions or Cloud
 * Workflows behind one interface.
 *
 * <p><b>Definitions</b> are validated when {@link #register registered} ({@link InvalidWorkflowException} lists
 * every problem). Registering a new version leaves running instances on the version they started with.
 * Handlers named by a definition must be registered with {@link io.skystate.api.Skystate#handlers()} first.
 *
 * <p><b>Guarantees.</b> Step transitions happen exactly once; handlers run at least once (a crash inside a
 * handler re-runs that attempt, nothing else). {@link #start} is idempotent on the caller's instance id: the same
 * id with the same workflow and input returns the existing run; with different ones it raises
 * {@link io.skystate.api.AlreadyExistsException}. Step results larger than the orchestrators' payload limits are
 * stored in a state store and passed by reference (claim check), invisibly to handlers. Thread-safe.
 */
public interface Workflows {
    /**
     * The most attempts of task and awaitCallback steps one run may make (first attempts and retries, branches
     * included); the next one fails the run with the fatal {@link WorkflowErrors#TRANSITION_LIMIT}. The portable
     * validator rejects definitions with a loop that calls no handler (once entered it could never end), so this also
     * bounds every other kind of step. Chosen so that a run's Step Functions history stays within its 25,000-event
     * limit.
     */
    int MAX_STEP_ATTEMPTS = 2_000;

    /** The most times one run can be {@linkplain #redrive redriven} (as on Step Functions). */
    int MAX_REDRIVES = 1_000;

    /** The longest event name {@link #signal} and {@link Step.AwaitEvent} accept. */
    int MAX_EVENT_NAME_LENGTH = 64;

    /** The largest event payload {@link #signal} accepts, in UTF-8 JSON bytes (as a callback result). */
    int MAX_EVENT_PAYLOAD_BYTES = 256 * 1024;

    /** Validates and registers a definition; returns it. Re-registering identical content is a no-op. */
    WorkflowDefinition register(WorkflowDefinition definition);

    /** Starts the latest registered version of {@code workflow} with UTF-8 JSON input. */
    WorkflowRun start(String workflow, String instanceId, byte[] inputJson);

    /** Starts a specific version. */
    WorkflowRun start(String workflow, int version, String instanceId, byte[] inputJson);

    /** The run's current state; {@link io.skystate.api.NotFoundException} for an unknown id. */
    WorkflowRun run(String instanceId);

    /** Blocks until the run finishes or {@code maxWait} passes; returns its state either way. */
    WorkflowRun await(String instanceId, Duration maxWait) throws InterruptedException;

    /** The run's step executions in the order they started. */
    List<StepExecution> history(String instanceId);

    /** Cancels a running instance: no further steps run, and its pending callbacks stop accepting completions. */
    void cancel(String instanceId, String reason);

    /** Completes the callback step waiting on {@code token} with a UTF-8 JSON result. */
    void completeCallback(String token, byte[] resultJson);

    /** Fails the callback step waiting on {@code token}. */
    void failCallback(String token, String error, String cause);

    /** Restarts the heartbeat timeout of the callback step waiting on {@code token}. */
    void heartbeatCallback(String token);

    /**
     * Runs matching {@code query}, newest start first (ties by instance id), a page at a time. Runs appear once
     * started; their status is read when the page is, so a run can show RUNNING on one page and be finished by the
     * time it is read again (a run that is compensating after a failure shows RUNNING, as {@link #run} reports it).
     * Paging is stable: a run started after the first page was read does not shift later pages. Page tokens are
     * opaque; {@link io.skystate.api.InvalidRequestException} for a token this engine did not issue (garbled or
     * forged) or issued for other criteria (see {@link RunQuery#after}), and nothing is listed then.
     */
    RunPage runs(RunQuery query);

    /** The steps of the run that are running now (its history's {@code RUNNING} entries), branches included. */
    default List<StepExecution> currentSteps(String instanceId) {
        return history(instanceId).stream().filter(step -> step.outcome() == StepExecution.Outcome.RUNNING).toList();
    }

    /**
     * The {@link Step.AwaitCallback awaitCallback} steps of the run that are waiting, with the tokens that resolve
     * them, branches included; empty for a finished run. A step appears once its callback exists (possibly while its
     * handler still runs) until the callback is resolved or the step stops. {@link Step.AwaitEvent awaitEvent} steps
     * never appear, even on engines that wait for events with callbacks internally: they are resolved by
     * {@link #signal} only. {@link io.skystate.api.NotFoundException} for an unknown id.
     */
    List<PendingCallback> pendingCallbacks(String instanceId);

    /**
     * Sends the event {@code event} with a UTF-8 JSON payload to a running instance, for its
     * {@link Step.AwaitEvent awaitEvent} steps (see there: kept until consumed, oldest first). Returns once the event
     * is durably recorded. Every call is a new event (no de-duplication). A run that is compensating after a failure
     * still counts as running (as {@link #run} reports it); its events are dropped when it ends.
     * {@link io.skystate.api.NotFoundException} for an unknown id, {@link RunStateException} for a finished run,
     * {@link io.skystate.api.PayloadTooLargeException} over {@value #MAX_EVENT_PAYLOAD_BYTES} bytes,
     * {@link io.skystate.api.InvalidRequestException} for a bad name or a payload that is not exactly one JSON value;
     * nothing is recorded then.
     */
    void signal(String instanceId, String event, byte[] payloadJson);

    /**
     * Restarts a failed or timed-out run at the top-level step whose failure ended it (or that was running when it
     * timed out), with the data that step started with and the same definition version; steps before it are not
     * run again, and a parallel step is run again whole (its branches that succeeded too). The run keeps its id and
     * start time, its history grows (earlier entries stay; the restarted step gets a new entry), its workflow timeout
     * (counted from the redrive) and step-attempt budget start afresh, its end, error and output are cleared, and
     * {@link RunSummary#redriveCount()} grows by one. Events it had not consumed were dropped when it ended;
     * compensations recorded before the failure (a fatal error or a timeout runs none) still run if the redriven run
     * fails. Returns the run, RUNNING. {@link RunStateException} when the run is running (compensating included) or
     * succeeded or was cancelled, when its failure ran compensations (they undid what redrive would build on), when it
     * ended at a top-level {@code fail} step (it would fail again; a fail step inside a parallel branch fails the
     * parallel step, which is run again), or after {@value #MAX_REDRIVES} redrives; nothing changes then.
     * {@link io.skystate.api.NotFoundException} for an unknown id. An engine without
     * {@link io.skystate.api.Capability#WORKFLOW_REDRIVE} throws {@link io.skystate.api.UnsupportedCapabilityException}
     * and changes nothing.
     */
    WorkflowRun redrive(String instanceId);

    /** The registered definition, latest version when {@code version} is empty. */
    Optional<WorkflowDefinition> definition(String workflow, Optional<Integer> version);

    Codec codec();

    /** {@link #signal(String, String, byte[])} with {@code payload} encoded as JSON. */
    default void signal(String instanceId, String event, Object payload) {
        signal(instanceId, event, codec().encode(payload));
    }

    /** Starts with {@code input} encoded as JSON. */
    default WorkflowRun start(String workflow, String instanceId, Object input) {
        return start(workflow, instanceId, codec().encode(input));
    }
}
