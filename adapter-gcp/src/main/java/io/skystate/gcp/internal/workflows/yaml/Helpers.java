package io.skystate.gcp.internal.workflows.yaml;

import static io.skystate.gcp.internal.workflows.yaml.Y.assign;
import static io.skystate.gcp.internal.workflows.yaml.Y.expr;
import static io.skystate.gcp.internal.workflows.yaml.Y.list;
import static io.skystate.gcp.internal.workflows.yaml.Y.lit;
import static io.skystate.gcp.internal.workflows.yaml.Y.map;
import static io.skystate.gcp.internal.workflows.yaml.Y.step;

import io.skystate.api.workflow.WorkflowErrors;
import io.skystate.gcp.internal.workflows.Protocol;
import java.util.List;
import java.util.Map;

/**
 * The subworkflows every generated workflow contains: {@value #CALL} (one call of the task endpoint, with transport
 * retries), {@value #TASK} (one attempt of a task or compensation: a call whose answer must be ok),
 * {@value #CALLBACK} (one attempt of a callback step: a Workflows callback endpoint, the handler call, the wait),
 * {@value #AWAIT_EVENT} (an awaitEvent step: a callback endpoint, the endpoint's claim, the wait), {@value #NORMALIZE} (any error into the portable {@code {"error","cause"}}), {@value #TRANSPORT}
 * (the retry predicate for transport failures), {@value #EVENT} (appends a history event to a log) and
 * {@value #RANDOM} (a uniform number in [0, 1) for full jitter), {@value #ANY} (retries anything), and
 * {@value #DATA_ERROR} and {@value #UNCAUGHT}, which record a step's failure in the log and raise it with the log
 * (a scope's {@code except} takes the log from the error). Stateless.
 */
final class Helpers {
    static final String CALL = "sky_call";
    static final String TASK = "sky_task";
    static final String CALLBACK = "sky_callback";
    static final String AWAIT_EVENT = "sky_await_event";
    static final String NORMALIZE = "sky_norm";
    static final String TRANSPORT = "sky_transport";
    static final String EVENT = "sky_event";
    static final String RANDOM = "sky_random";
    static final String DATA_ERROR = "sky_data_error";
    static final String UNCAUGHT = "sky_uncaught";
    /** A retry predicate that retries any error (compensation attempts). */
    static final String ANY = "sky_any";
    /** The fatal error names as a list literal: no retry or catch rule matches them. */
    static final String FATAL = Y.litList(List.of(WorkflowErrors.DATA_ERROR, WorkflowErrors.TRANSITION_LIMIT));
    /** Transport retries of one endpoint call (connection failures, 429 and 5xx answers). */
    static final int TRANSPORT_RETRIES = 5;

    private Helpers() {
    }

    static void addTo(Map<String, Object> program) {
        program.put(CALL, call());
        program.put(TASK, task());
        program.put(CALLBACK, callback());
        program.put(AWAIT_EVENT, awaitEvent());
        program.put(NORMALIZE, normalize());
        program.put(TRANSPORT, transport());
        program.put(EVENT, event());
        program.put(RANDOM, random());
        program.put(DATA_ERROR, dataError());
        program.put(UNCAUGHT, uncaught());
        program.put(ANY, map("params", list("e"), "steps", list(step("yes", map("return", true)))));
    }

    /** POSTs {@code body} to the task endpoint's {@code op} with the workflow's identity; returns the answer body. */
    private static Map<String, Object> call() {
        Map<String, Object> post = map(
                "try", map("call", "http.post", "args", map(
                        "url", expr("fn + " + lit(Protocol.TASK_ROUTE) + " + op"),
                        "auth", map("type", "OIDC", "audience", expr("fn")),
                        "body", expr("body"),
                        "timeout", expr("timeout")), "result", "resp"),
                "retry", map("predicate", expr(TRANSPORT), "max_retries", TRANSPORT_RETRIES,
                        "backoff", map("initial_delay", 1, "max_delay", 30, "multiplier", 2)),
                "except", map("as", "failure", "steps", list(
                        step("normalize", Y.call(NORMALIZE, map("e", expr("failure")), "portable")),
                        step("fail", map("raise", expr("portable"))))));
        return map("params", list("fn", "op", "body", map("timeout", 300)),
                "steps", list(step("post", post), step("answer", map("return", expr("resp.body")))));
    }

    /**
     * One attempt: {@code body} gets a fresh attempt id {@code n} (a transport retry inside {@value #CALL} repeats
     * the same id, so the endpoint counts it as the same attempt); returns the answer's result or raises its error.
     */
    private static Map<String, Object> task() {
        return map("params", list("fn", "op", "body", "timeout"), "steps", list(
                step("attempt", assign("body." + Protocol.NONCE, expr("uuid.generate()"))),
                step("send", Y.call(CALL, map("fn", expr("fn"), "op", expr("op"), "body", expr("body"),
                        "timeout", expr("timeout")), "answer")),
                step("check", map("switch", list(map("condition", expr("not answer." + Protocol.OK),
                        "raise", map(Protocol.ERROR, expr("answer." + Protocol.ERROR),
                                Protocol.CAUSE, expr("answer." + Protocol.CAUSE)))))),
                step("result", map("return", expr("map.get(answer, " + lit(Protocol.RESULT) + ")")))));
    }

    /**
     * One attempt of a callback step: creates a callback endpoint, has the task endpoint issue the Skystate token and
     * call the handler, then waits up to {@code wait} seconds for the relayed outcome (a Workflows TimeoutError
     * becomes Skystate.Timeout).
     */
    private static Map<String, Object> callback() {
        return map("params", list("fn", "body", "timeout", "wait"), "steps", list(
                step("endpoint", Y.call("events.create_callback_endpoint", map("http_callback_method", "POST"),
                        "endpoint")),
                step("attempt", assign("body." + Protocol.CALLBACK_URL, expr("endpoint.url"))),
                step("issue", Y.call(TASK, map("fn", expr("fn"), "op", Protocol.OP_CALLBACK, "body", expr("body"),
                        "timeout", expr("timeout")), null)),
                step("await", map("try", Y.call("events.await_callback", map("callback", expr("endpoint"),
                        "timeout", expr("wait")), "event"),
                        "except", map("as", "failure", "steps", list(
                                step("normalize", Y.call(NORMALIZE, map("e", expr("failure")), "portable")),
                                step("fail", map("raise", expr("portable"))))))),
                step("relayed", assign("answer", expr("event.http_request.body"))),
                step("check", map("switch", list(map("condition", expr("not answer." + Protocol.OK),
                        "raise", map(Protocol.ERROR, expr("answer." + Protocol.ERROR),
                                Protocol.CAUSE, expr("answer." + Protocol.CAUSE)))))),
                step("result", map("return", expr("map.get(answer, " + lit(Protocol.RESULT) + ")")))));
    }

    /**
     * An awaitEvent step: creates a callback endpoint and has the task endpoint register it under the step's event
     * name and claim a kept event (answered at once when there is one); else waits up to {@code wait} seconds for a
     * signal relayed to the endpoint. When the wait times out the task endpoint is asked once more (it unregisters
     * the endpoint first, so an event claimed for this step meanwhile is taken here); only then does the timeout
     * stand, as Skystate.Timeout.
     */
    private static Map<String, Object> awaitEvent() {
        String got = "map.get(claim, " + lit(Protocol.GOT) + ")";
        String payload = "map.get(claim, " + lit(Protocol.PAYLOAD) + ")";
        return map("params", list("fn", "body", "timeout", "wait"), "steps", list(
                step("endpoint", Y.call("events.create_callback_endpoint", map("http_callback_method", "POST"),
                        "endpoint")),
                step("attempt", assign("body." + Protocol.CALLBACK_URL, expr("endpoint.url"))),
                step("claim", Y.call(TASK, map("fn", expr("fn"), "op", Protocol.OP_EVENT, "body", expr("body"),
                        "timeout", expr("timeout")), "claim")),
                step("kept", map("switch", list(map("condition", expr(got), "return", expr(payload))))),
                step("await", map("try", Y.call("events.await_callback", map("callback", expr("endpoint"),
                        "timeout", expr("wait")), "event"),
                        "except", map("as", "failure", "steps", list(
                                step("last", assign("body." + Protocol.FINAL, true)),
                                step("reclaim", Y.call(TASK, map("fn", expr("fn"), "op", Protocol.OP_EVENT,
                                        "body", expr("body"), "timeout", expr("timeout")), "claim")),
                                step("late", map("switch", list(map("condition", expr(got), "return",
                                        expr(payload))))),
                                step("normalize", Y.call(NORMALIZE, map("e", expr("failure")), "portable")),
                                step("fail", map("raise", expr("portable"))))))),
                step("relayed", assign("answer", expr("event.http_request.body"))),
                step("result", map("return", expr("map.get(answer, " + lit(Protocol.RESULT) + ")")))));
    }

    private static Map<String, Object> normalize() {
        String timeout = lit(WorkflowErrors.TIMEOUT);
        String message = "default(map.get(e, \"message\"), \"\")";
        return map("params", list("e"), "steps", list(
                step("shape", map("switch", list(
                        map("condition", expr("get_type(e) != \"map\""), "return",
                                map("error", WorkflowErrors.DATA_ERROR, "cause", expr("json.encode_to_string(e)"))),
                        map("condition", expr("\"" + Protocol.ERROR + "\" in e"), "return", map(
                                "error", expr("e." + Protocol.ERROR),
                                "cause", expr("default(map.get(e, " + lit(Protocol.CAUSE) + "), \"\")"))),
                        map("condition", expr("not (\"tags\" in e)"), "return",
                                map("error", WorkflowErrors.DATA_ERROR, "cause", expr("json.encode_to_string(e)")))))),
                step("tags", map("switch", list(
                        map("condition", expr("\"TimeoutError\" in e.tags"), "return",
                                map("error", expr(timeout), "cause", expr(message))),
                        map("condition", expr("\"ConnectionError\" in e.tags or \"ConnectionFailedError\" in e.tags"
                                + " or \"HttpError\" in e.tags"), "return",
                                map("error", Protocol.TRANSPORT_ERROR, "cause", expr(message)))))),
                step("other", map("return", map("error", WorkflowErrors.DATA_ERROR, "cause", expr(message))))));
    }

    private static Map<String, Object> transport() {
        return map("params", list("e"), "steps", list(
                step("check", map("switch", list(
                        map("condition", expr("get_type(e) != \"map\""), "return", false),
                        map("condition", expr("not (\"tags\" in e)"), "return", false),
                        map("condition", expr("\"ConnectionError\" in e.tags"), "return", true),
                        map("condition", expr("\"ConnectionFailedError\" in e.tags"), "return", true),
                        map("condition", expr("not (\"HttpError\" in e.tags)"), "return", false),
                        map("condition", expr("e.code in [429, 500, 502, 503, 504]"), "return", true)))),
                step("no", map("return", false))));
    }

    /**
     * {@code l} with the event {v, p, t, e: now, o, a} (and err, c when {@code x} is an error) appended. An event
     * without p and t only changes an entry recorded before; one without a keeps the attempts recorded.
     */
    private static Map<String, Object> event() {
        return map("params", list("l", "v", "o", Y.nullDefault("p"), Y.nullDefault("t"), Y.nullDefault("a"),
                Y.nullDefault("x")), "steps", list(
                step("make", assign("ev", map(
                        Protocol.VISIT, expr("v"), Protocol.PATH, expr("p"), Protocol.STARTED, expr("t"),
                        Protocol.ENDED, expr("sys.now()"), Protocol.OUTCOME, expr("o"), Protocol.ATTEMPT, expr("a")))),
                step("failure", map("switch", list(map("condition", expr("x != null"), "steps", list(
                        step("named", assign("ev." + Protocol.ERROR_NAME, expr("x." + Protocol.ERROR),
                                "ev." + Protocol.CAUSE_TEXT, expr("x." + Protocol.CAUSE)))))))),
                step("append", map("return", expr("list.concat(l, ev)")))));
    }

    /** Records the step FAILED with the fatal DataError {@code c} and raises it, carrying the log. */
    private static Map<String, Object> dataError() {
        Map<String, Object> error = map(Protocol.ERROR, WorkflowErrors.DATA_ERROR, Protocol.CAUSE, expr("c"));
        return map("params", list("l", "v", "p", "t", "c", Y.nullDefault("a")), "steps", list(
                step("record", Y.call(EVENT, map("l", expr("l"), "v", expr("v"), "o", "FAILED", "p", expr("p"),
                        "t", expr("t"), "a", expr("a"), "x", error), "l")),
                step("fail", map("raise", map(Protocol.ERROR, WorkflowErrors.DATA_ERROR, Protocol.CAUSE, expr("c"),
                        Protocol.LOG, expr("l"))))));
    }

    /**
     * Records the step with outcome {@code o} and the error {@code x} (none for CANCELLED: a step a fatal error passes
     * through is stopped, not failed), then raises {@code x} carrying the log.
     */
    private static Map<String, Object> uncaught() {
        return map("params", list("l", "v", "p", "t", "o", "x", Y.nullDefault("a")), "steps", list(
                step("record", Y.call(EVENT, map("l", expr("l"), "v", expr("v"), "o", expr("o"), "p", expr("p"),
                        "t", expr("t"), "a", expr("a"), "x", expr("if(o == \"CANCELLED\", null, x)")), "l")),
                step("fail", map("raise", map(Protocol.ERROR, expr("x." + Protocol.ERROR),
                        Protocol.CAUSE, expr("x." + Protocol.CAUSE), Protocol.LOG, expr("l"))))));
    }

    /** Three hex digits of a fresh UUID as a fraction of 4096. */
    private static Map<String, Object> random() {
        return map("steps", list(
                step("seed", assign("id", expr("text.replace_all(uuid.generate(), \"-\", \"\")"),
                        "hex", "0123456789abcdef", "u", 0)),
                step("digits", map("for", map("value", "i", "range", list(0, 2), "steps", list(
                        step("digit", assign("u", expr("u * 16 + text.find_all(hex, text.substring(id, i, i + 1))[0]"
                                + ".index"))))))),
                step("fraction", map("return", expr("u / 4096")))));
    }
}
