package io.skystate.gcp.internal.workflows;

import java.util.List;

/**
 * The contract between the generated Workflows YAML and the task endpoint: routes, request and answer fields,
 * history event fields and the execution argument. Both sides use these names and nothing else.
 *
 * <p><b>Requests</b> ({@code POST <function>/skystate/workflow-tasks/<op>}, JSON) carry {@value #RUN} (instance
 * id), {@value #EXECUTION} (Workflows execution id), {@value #LOG} (history events not yet recorded) and, per
 * operation, {@value #PATH}, {@value #KIND}, {@value #HANDLER}, {@value #VISIT}, {@value #ATTEMPT},
 * {@value #STARTED}, {@value #NONCE}, {@value #TIMEOUT}, {@value #HEARTBEAT}, {@value #INPUT}, {@value #CALLBACK_URL},
 * {@value #COMPENSATION_NUMBER}.
 * <b>Answers</b> are HTTP 200 with {@code {"ok": true, "result": ...}} or {@code {"ok": false, "error", "cause"}};
 * any other status is a transport failure. Callback relays post the same answer shape to the execution's callback
 * endpoint. Immutable constants only.
 */
public final class Protocol {
    /** Route prefix of the task endpoint; the operation name follows. */
    public static final String TASK_ROUTE = "/skystate/workflow-tasks/";
    /** Route prefix of the workflow callback relay; the URL-encoded token follows. */
    public static final String CALLBACK_ROUTE = "/skystate/workflow-callbacks/";

    public static final String OP_TASK = "task";
    public static final String OP_CALLBACK = "callback";
    public static final String OP_COMPENSATE = "compensate";
    public static final String OP_RECORD = "record";
    public static final String OP_STOP = "stop";
    public static final String OP_OFFLOAD = "offload";
    public static final String OP_INPUT = "input";
    public static final String OP_SWEEP = "sweep";
    /** An awaitEvent step's call: register its callback endpoint and claim an event ({@value #GOT}, {@value #PAYLOAD}). */
    public static final String OP_EVENT = "event";

    public static final String RUN = "run";
    public static final String EXECUTION = "x";
    public static final String LOG = "log";
    public static final String PATH = "p";
    public static final String KIND = "k";
    public static final String HANDLER = "h";
    public static final String VISIT = "v";
    public static final String ATTEMPT = "a";
    /** A fresh id per attempt: transport retries of one request repeat it, so they count as one attempt. */
    public static final String NONCE = "n";
    public static final String STARTED = "t";
    public static final String ENDED = "e";
    public static final String OUTCOME = "o";
    public static final String ERROR_NAME = "err";
    public static final String CAUSE_TEXT = "c";
    public static final String TIMEOUT = "to";
    public static final String HEARTBEAT = "hb";
    public static final String INPUT = "i";
    public static final String CALLBACK_URL = "cb";
    /** Of a compensation request: which compensation of the run it is, from 1 (the saga loop's index). */
    public static final String COMPENSATION_NUMBER = "u";
    /** Of an event request: true on the call after the step's wait timed out (unregister, then claim once more). */
    public static final String FINAL = "final";
    /** Of an event answer's result: whether an event was claimed, and its payload. */
    public static final String GOT = "got";
    public static final String PAYLOAD = "payload";
    /** Of a stop request: the visit id prefix of the branches to stop. */
    public static final String PREFIX = "prefix";

    public static final String OK = "ok";
    public static final String RESULT = "result";
    public static final String ERROR = "error";
    public static final String CAUSE = "cause";
    /** Value of {@value #OK} in a branch outcome whose branch stopped because a sibling failed. */
    public static final String STOPPED = "stopped";

    /** Execution argument: {@code {"d": data, "c": {"run", "fn"}}}, or without {@code d} when the input is stored. */
    public static final String ARG_DATA = "d";
    public static final String ARG_CONTEXT = "c";
    public static final String ARG_FUNCTION = "fn";
    /** Execution result: {@code {"d": data, "log": events}}; a failure's payload: {@code {"error", "cause", "log"}}. */
    public static final String RESULT_DATA = "d";

    /** Error of a failed HTTP exchange with the task endpoint (after transport retries): a handler may not have run. */
    public static final String TRANSPORT_ERROR = "Skystate.TRANSIENT";
    /** Attempts of one compensation, as on every engine. */
    public static final int COMPENSATION_ATTEMPTS = 3;
    /** Outcomes a history event can carry. */
    public static final List<String> OUTCOMES = List.of("RUNNING", "SUCCEEDED", "FAILED", "CAUGHT", "CANCELLED");

    private Protocol() {
    }
}
