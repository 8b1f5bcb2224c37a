package io.skystate.gcp.internal.workflows.yaml;

import static io.skystate.gcp.internal.workflows.yaml.Y.assign;
import static io.skystate.gcp.internal.workflows.yaml.Y.expr;
import static io.skystate.gcp.internal.workflows.yaml.Y.list;
import static io.skystate.gcp.internal.workflows.yaml.Y.map;
import static io.skystate.gcp.internal.workflows.yaml.Y.step;

import io.skystate.gcp.internal.workflows.Protocol;
import java.util.List;

/**
 * The top level's {@code except}: every error that leaves the top-level steps ends the run. A fatal error (or a run
 * without completed compensable tasks) is raised at once; otherwise the compensation stack {@code comp} (the paths
 * of completed top-level tasks that name a compensation, oldest first) is run newest first: each compensation is one visit of
 * the task endpoint's compensate operation with the data at the failure, up to three attempts, and a compensation
 * that still fails is recorded and skipped. Then the original error is raised. The raised map carries the history
 * events not yet sent, so the engine reads them from the failed execution. Stateless.
 */
final class SagaCompiler {
    /** HTTP timeout of one compensation attempt: the handlers' default timeout, which is Workflows' longest call. */
    static final long COMPENSATION_HTTP_SECONDS = 900 + TaskCompiler.HTTP_GRACE_SECONDS;

    private SagaCompiler() {
    }

    static List<Object> except(String error) {
        Scope top = Scope.top("");
        String entry = "sky_undo_entry";
        return list(
                step("sky_log", assign(top.log(), expr("default(map.get(" + error + ", \"log\"), " + top.log() + ")"))),
                step("sky_failed", Y.call(Helpers.NORMALIZE, map("e", expr(error)), error)),
                step("sky_saga", Y.jumps(error + ".error in fatal", "sky_raise", "len(comp) == 0",
                        "sky_raise")),
                step("sky_undo", map("for", map("value", "undo", "range", list(1, expr("len(comp)")), "steps", list(
                        step(entry, assign(top.counter(), expr(top.counter() + " + 1"),
                                top.visit(), expr(top.prefix() + " + string(" + top.counter() + ")"),
                                top.started(), expr("sys.now()"), "entry", expr("comp[len(comp) - undo]"))),
                        step("sky_undo_try", map("try", Y.call(Helpers.TASK, map("fn", expr("fn"),
                                "op", Protocol.OP_COMPENSATE, "body", map(Protocol.RUN, expr("run"),
                                        Protocol.EXECUTION, expr("xid"), Protocol.PATH, expr("entry"),
                                        Protocol.VISIT, expr(top.visit()), Protocol.COMPENSATION_NUMBER, expr("undo"),
                                        Protocol.STARTED, expr(top.started()),
                                        Protocol.INPUT, expr(top.data()), Protocol.LOG, expr(top.log())),
                                "timeout", COMPENSATION_HTTP_SECONDS), null),
                                "retry", map("predicate", expr(Helpers.ANY),
                                        "max_retries", Protocol.COMPENSATION_ATTEMPTS - 1,
                                        "backoff", map("initial_delay", 1, "max_delay", 2, "multiplier", 2)),
                                "except", map("as", "undone", "steps", list(
                                        step("sky_undo_skip", assign("undone", expr("null"))))))),
                        step("sky_undo_sent", assign(top.log(), list())))))),
                step("sky_raise", map("raise", map(Protocol.ERROR, expr(error + ".error"),
                        Protocol.CAUSE, expr(error + ".cause"), Protocol.LOG, expr(top.log())))));
    }
}
