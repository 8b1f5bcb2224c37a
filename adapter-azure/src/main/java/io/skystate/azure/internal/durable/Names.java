package io.skystate.azure.internal.durable;

/**
 * The names the Durable engine uses in the task hub and in the state store: one orchestration for every workflow,
 * the activities it calls, external event names, the completion queue and the registry store. The same names are
 * the Azure Functions function names, so the worker and the Functions host dispatch the same work items.
 */
public final class Names {
    /** The one generic orchestrator: runs any workflow (and any parallel branch) from its input. */
    public static final String ORCHESTRATION = "SkystateWorkflow";
    /** Calls a task step's handler. */
    public static final String TASK = "SkystateTask";
    /** Creates a workflow callback and calls an awaitCallback step's handler with its token. */
    public static final String CALLBACK = "SkystateCallback";
    /** Runs one saga compensation (up to three attempts). */
    public static final String COMPENSATE = "SkystateCompensate";
    /** Stores a chunk of history that no longer fits the orchestration's custom status. */
    public static final String SPILL = "SkystateHistorySpill";
    /** Stores a joined parallel result that is over the claim-check threshold. */
    public static final String OFFLOAD = "SkystateOffload";
    /** Stops the other branches of a parallel step whose branch failed. */
    public static final String STOP_BRANCHES = "SkystateStopBranches";
    /** Prefix of the external event carrying a callback's outcome: {@code skystate-callback-<callbackId>}. */
    public static final String CALLBACK_EVENT = "skystate-callback-";
    /** Prefix of the external event carrying a signalled workflow event: {@code skystate-event-<encoded name>}. */
    public static final String SIGNAL_EVENT = "skystate-event-";
    /** The completion queue the workflow callbacks notify; its consumer raises the events. */
    public static final String CALLBACK_QUEUE = "skystate-durable-callbacks";
    /** The state store holding definitions, runs, callback waits and spilled history (as on AWS). */
    public static final String REGISTRY_STORE = "skystate-workflows";
    /** The claim-check store. */
    public static final String CLAIM_STORE = "skystate-claims";

    private Names() {
    }

    /**
     * The Durable event name of the workflow event {@code event} (a valid {@link io.skystate.core.workflow.EventNames
     * event name}). Durable matches event names ignoring case, Skystate's are case-sensitive: each upper-case letter
     * is written as {@code ~} and its lower-case form ({@code ~} is no event-name character), so distinct names stay
     * distinct under any case folding.
     */
    public static String signalEvent(String event) {
        StringBuilder name = new StringBuilder(SIGNAL_EVENT);
        for (char c : event.toCharArray()) {
            if (c >= 'A' && c <= 'Z') {
                name.append('~').append((char) (c - 'A' + 'a'));
            } else {
                name.append(c);
            }
        }
        return name.toString();
    }
}
