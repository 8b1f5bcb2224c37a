package io.skystate.gcp.internal.workflows.yaml;

import static io.skystate.gcp.internal.workflows.yaml.Y.assign;
import static io.skystate.gcp.internal.workflows.yaml.Y.expr;
import static io.skystate.gcp.internal.workflows.yaml.Y.list;
import static io.skystate.gcp.internal.workflows.yaml.Y.map;
import static io.skystate.gcp.internal.workflows.yaml.Y.step;

import io.skystate.gcp.internal.workflows.Protocol;
import java.util.List;
import java.util.Map;

/**
 * Steps that write history events into a scope's log (sent with the next call of the task endpoint, or in the
 * execution's result) and that send the log at once. The engine knows each step's kind from its path, so events
 * carry the path, not the kind. Stateless.
 */
final class Events {
    private Events() {
    }

    /**
     * Appends the event of the scope's current visit: its path and start, {@code outcome}, the attempts when
     * {@code attempts} is not null (a number or an expression), and the error and cause of {@code error} (an
     * expression or a map) when given.
     */
    static Map<String, Object> full(String name, Scope scope, String path, Object attempts, String outcome,
            Object error) {
        return step(name, Y.call(Helpers.EVENT, map("l", expr(scope.log()), "v", expr(scope.visit()), "o", outcome,
                "p", Y.text(path), "t", expr(scope.started()), "a", attempts,
                "x", error instanceof String text ? expr(text) : error), scope.log()));
    }

    /** Appends an event that only sets the outcome of the scope's current visit, recorded before. */
    static Map<String, Object> outcome(String name, Scope scope, String outcome) {
        return step(name, Y.call(Helpers.EVENT, map("l", expr(scope.log()), "v", expr(scope.visit()), "o", outcome),
                scope.log()));
    }

    /** Sends the scope's log to the endpoint's record operation and empties it (two steps, {@code name} first). */
    static List<Map<String, Object>> flush(String name, Scope scope) {
        return List.of(
                step(name, Y.call(Helpers.CALL, map("fn", expr("fn"), "op", Protocol.OP_RECORD, "body", map(
                        Protocol.RUN, expr("run"), Protocol.EXECUTION, expr("xid"),
                        Protocol.LOG, expr(scope.log()))), null)),
                step(name + "_sent", assign(scope.log(), list())));
    }
}
