package io.skystate.observability;

/**
 * The names of the Micrometer meters an observed {@link io.skystate.api.Skystate} records, and their tags. Every
 * tag has a small, bounded set of values: store, queue, handler and workflow names come from the application's code,
 * {@code outcome} is {@value #OK} or an error code ({@link io.skystate.api.SkystateException#code()}, a handler's
 * {@link io.skystate.api.workflow.StepFailure#errorType()}, or the simple class name of any other exception; the
 * span records the exception itself, class included). Instance, run, callback and message ids are never tags; they are span
 * attributes ({@link SkystateSpans}). Which process observes what, and on which adapter, is in this module's
 * README.
 */
public final class SkystateMeters {
    /** Tag value of {@code outcome} for a call that returned normally. */
    public static final String OK = "ok";

    /**
     * Timer: every state-store call ({@code get}, {@code getAll}, {@code put}, {@code delete}, {@code transact},
     * {@code list}; the typed helpers count as the call they make). Tags: {@code store}, {@code operation},
     * {@code outcome} (e.g. {@code VERSION_CONFLICT}, {@code ALREADY_EXISTS}).
     */
    public static final String STATE_OPERATIONS = "skystate.state.operations";

    /** Timer: every queue call ({@code send}, {@code receive}, {@code ack}). Tags: {@code queue}, {@code operation}, {@code outcome}. */
    public static final String QUEUE_OPERATIONS = "skystate.queue.operations";

    /**
     * Counter: messages this process sent, received and acknowledged through the observed instance. Tags:
     * {@code queue}, {@code event} ({@code sent}, {@code received}, {@code acked}).
     */
    public static final String QUEUE_MESSAGES = "skystate.queue.messages";

    /** Counter: received messages with a delivery count above 1 (a subset of {@code received}). Tag: {@code queue}. */
    public static final String QUEUE_REDELIVERIES = "skystate.queue.redeliveries";

    /**
     * Gauge: messages this process received and has neither acknowledged nor let pass their visibility timeout: its
     * own in-flight work, not the queue's depth (the portable queue API has no depth call). Tag: {@code queue}.
     */
    public static final String QUEUE_PROCESS_IN_FLIGHT = "skystate.queue.process.inflight";

    /**
     * Timer: every handler invocation that runs in this process, whoever triggered it (a workflow step, a direct
     * {@code invoke}, an HTTP endpoint, a cloud entry point). For workflow steps this is the step latency of one
     * attempt. Tags: {@code handler}, {@code kind} ({@code direct}, or the step kind: {@code task},
     * {@code awaitCallback}, {@code compensation}), {@code outcome}.
     */
    public static final String HANDLER_INVOCATIONS = "skystate.handler.invocations";

    /** Counter: handler invocations with an attempt number above 1 (retries). Tags: {@code handler}, {@code kind}. */
    public static final String HANDLER_RETRIES = "skystate.handler.retries";

    /** Timer: every callback call ({@code create}, {@code complete}, {@code fail}, {@code heartbeat}, {@code outcome}, {@code await}). Tags: {@code operation}, {@code outcome}. */
    public static final String CALLBACK_OPERATIONS = "skystate.callback.operations";

    /**
     * Timer: how long callbacks waited, from creation to resolution, once per callback among the processes that
     * share the observability store. Tag: {@code status} ({@code completed}, {@code failed}, {@code timed_out}).
     */
    public static final String CALLBACK_WAIT = "skystate.callback.wait";

    /** Timer: every workflow call ({@code start}, {@code run}, {@code await}, {@code cancel}, ...). Tags: {@code operation}, {@code outcome}. */
    public static final String WORKFLOW_OPERATIONS = "skystate.workflow.operations";

    /** Counter: runs started through an observed instance, once per instance id (a repeated idempotent start is not counted). Tag: {@code workflow}. */
    public static final String WORKFLOW_RUNS_STARTED = "skystate.workflow.runs.started";

    /**
     * Timer: runs seen finished by an observed {@code run} or {@code await}, once per run, with their start-to-end
     * duration. Tags: {@code workflow}, {@code status} ({@code SUCCEEDED}, {@code FAILED}, {@code TIMED_OUT},
     * {@code CANCELLED}).
     */
    public static final String WORKFLOW_RUNS_FINISHED = "skystate.workflow.runs.finished";

    /** Gauge, only when sampling is configured: RUNNING runs as of the last sample of {@code Workflows.runs}. */
    public static final String WORKFLOW_RUNS_RUNNING = "skystate.workflow.runs.running";

    /**
     * Counter: the observability layer's own calls (to its store) that failed; the application's call went on
     * unaffected. Tag: {@code operation}.
     */
    public static final String OBSERVABILITY_FAILURES = "skystate.observability.failures";

    private SkystateMeters() {
    }
}
