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

    /** The registered definition, latest version when {@code version} is empty. */
    Optional<WorkflowDefinition> definition(String workflow, Optional<Integer> version);

    Codec codec();

    /** Starts with {@code input} encoded as JSON. */
    default WorkflowRun start(String workflow, String instanceId, Object input) {
        return start(workflow, instanceId, codec().encode(input));
    }
}
