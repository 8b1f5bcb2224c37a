package io.skystate.gcpworkflows.internal.parse;

import io.skystate.gcpworkflows.internal.expr.Expr;
import io.skystate.gcpworkflows.internal.model.Location;
import io.skystate.gcpworkflows.internal.model.Routine;
import io.skystate.gcpworkflows.internal.stdlib.Function;
import io.skystate.gcpworkflows.internal.stdlib.Stdlib;
import java.util.List;
import java.util.Map;

/**
 * Checks the function calls inside an expression at deploy time: the function must be a subworkflow or an
 * implemented, non-blocking standard library function (blocking calls such as {@code http.get} or
 * {@code sys.sleep} are not allowed in expressions:
 * https://cloud.google.com/workflows/docs/reference/syntax/expressions#blocking-calls), called with an accepted
 * number of arguments. Not thread-safe.
 */
final class ExpressionChecker {
    private final Problems problems;
    private final Map<String, List<Routine.Param>> routines;

    ExpressionChecker(Problems problems, Map<String, List<Routine.Param>> routines) {
        this.problems = problems;
        this.routines = routines;
    }

    /** The parameters of every subworkflow, by name. */
    Map<String, List<Routine.Param>> routines() {
        return routines;
    }

    void check(Expr expr, Location location) {
        if (expr instanceof Expr.Call call) {
            checkCall(call, location);
            call.args().forEach(arg -> check(arg, location));
        } else if (expr instanceof Expr.Member member) {
            check(member.target(), location);
        } else if (expr instanceof Expr.Index index) {
            check(index.target(), location);
            check(index.index(), location);
        } else if (expr instanceof Expr.Unary unary) {
            check(unary.operand(), location);
        } else if (expr instanceof Expr.Binary binary) {
            check(binary.left(), location);
            check(binary.right(), location);
        } else if (expr instanceof Expr.ListLiteral list) {
            list.items().forEach(item -> check(item, location));
        } else if (expr instanceof Expr.MapLiteral map) {
            map.keys().forEach(key -> check(key, location));
            map.values().forEach(value -> check(value, location));
        }
    }

    private void checkCall(Expr.Call call, Location location) {
        String name = call.function();
        int count = call.args().size();
        List<Routine.Param> params = routines.get(name);
        if (params != null) {
            long required = params.stream().filter(param -> param.defaultValue() == null).count();
            if (count < required || count > params.size()) {
                problems.invalid(location, "subworkflow '" + name + "' takes " + required + " to " + params.size()
                        + " arguments, " + count + " given");
            }
            return;
        }
        Function function = Stdlib.standard().function(name).orElse(null);
        if (function == null) {
            reportUnknown(name, location, problems);
        } else if (function.blocking()) {
            problems.invalid(location, "blocking function '" + name + "' cannot be used in an expression; call it in "
                    + "a call step");
        } else if (count < function.requiredCount() || count > function.params().size()) {
            problems.invalid(location, "function '" + name + "' takes " + function.requiredCount() + " to "
                    + function.params().size() + " arguments, " + count + " given");
        }
    }

    /** A dotted name is a Workflows module or connector the runner lacks; a plain one is simply undefined. */
    static void reportUnknown(String name, Location location, Problems problems) {
        if (name.contains(".")) {
            problems.unsupported(location, "'" + name + "' (not implemented by Skystate's Workflows runner)");
        } else {
            problems.invalid(location, "'" + name + "' is neither a subworkflow nor a standard library function");
        }
    }
}
