package io.skystate.gcp.internal.workflows.yaml;

import static io.skystate.gcp.internal.workflows.yaml.Y.assign;
import static io.skystate.gcp.internal.workflows.yaml.Y.expr;
import static io.skystate.gcp.internal.workflows.yaml.Y.list;
import static io.skystate.gcp.internal.workflows.yaml.Y.lit;
import static io.skystate.gcp.internal.workflows.yaml.Y.map;
import static io.skystate.gcp.internal.workflows.yaml.Y.next;
import static io.skystate.gcp.internal.workflows.yaml.Y.step;

import io.skystate.api.workflow.Step;
import io.skystate.gcp.internal.workflows.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parallel steps as Workflows {@code parallel} branches. Each branch is a scope of its own, started on a copy of the
 * step's data, and reports to one slot of a shared outcome list ({@code {"ok": true, "d", "log"}}, a failure, or
 * {@code "stopped"}); the step joins the slots in branch order. Workflows' only exception policy is
 * {@code continueAll}, so "the first failure fails the step and stops the others" is cooperative: the first branch
 * to fail sets a shared stop flag and its index, and every branch checks the flags at each step boundary, records
 * the step that was in flight as CANCELLED and stops; the failing branch also has the endpoint stop the callback
 * steps its siblings wait in (a sibling in {@code sys.sleep} stops when the sleep ends). The join raises the first failure (to the step's retry and
 * catch rules), or assembles the branch outputs (offloaded by the endpoint when large) and writes them at the
 * result path. A fatal failure leaves the step CANCELLED, as it ends every scope it passes through. Workflows wants
 * two to ten branches: a single branch gets an idle sibling that assigns one local variable. Stateless.
 */
final class ParallelCompiler {
    /** Above this many bytes of JSON the endpoint decides (exactly) whether the joined result is offloaded. */
    static final int OFFLOAD_CHECK_BYTES = 30_000;

    private ParallelCompiler() {
    }

    static List<Map<String, Object>> parallel(Compilation compilation, Scope scope, Step.Parallel parallel) {
        String base = compilation.base(parallel.name());
        String path = scope.path(parallel.name());
        String forks = base + "_forks";
        String stop = base + "_stop";
        String first = base + "_first";
        String outcomes = base + "_out";
        String joined = base + "_joined";
        List<Map<String, Object>> steps = new ArrayList<>(ScopeCompiler.entry(compilation, scope, parallel.name(), true,
                forks, 0));
        steps.add(Events.full(base + "_running", scope, path, 1, "RUNNING", null));
        steps.addAll(Events.flush(base + "_record", scope));
        List<Object> empty = new ArrayList<>();
        List<Object> branches = new ArrayList<>();
        List<Object> outputs = new ArrayList<>();
        List<Object> logMerges = new ArrayList<>();
        for (int i = 0; i < parallel.branches().size(); i++) {
            empty.add(null);
            branches.add(branch(compilation, scope, parallel, i, base, stop, first, outcomes, forks));
            outputs.add(outcomes + "[" + i + "]." + Protocol.RESULT_DATA);
            logMerges.add(scope.log());
            logMerges.add(expr("list.concat(" + scope.log() + ", " + outcomes + "[" + i + "]." + Protocol.LOG + ")"));
        }
        if (branches.size() == 1) {
            branches.add(map("b_idle", map("steps", list(step(base + "_idle", assign(base + "_idle", true))))));
        }
        List<Map<String, Object>> attempt = List.of(
                step(base + "_fork", assign(forks, expr(forks + " + 1"), stop, false, first, -1, outcomes, empty)),
                step(base + "_branches", map("parallel", map("shared", list(stop, first, outcomes),
                        "branches", branches))),
                step(base + "_logs", assign(logMerges.toArray())),
                step(base + "_failed", map("switch", list(map("condition", expr(first + " >= 0"),
                        "raise", expr(outcomes + "[" + first + "]"))))),
                step(base + "_join", assign(joined, expr("[" + String.join(", ", outputs.stream().map(Object::toString)
                        .toList()) + "]"))));
        Map<String, Object> body = map("steps", new ArrayList<Object>(attempt));
        steps.add(CatchCompiler.wrap(compilation, scope, new CatchCompiler.Target(base, path, expr(forks),
                "if(" + scope.error() + ".error in fatal, \"CANCELLED\", \"FAILED\")",
                base + "_bad"), parallel.catches(), body, RetryCompiler.wrap(compilation, base, parallel.retry(), body)));
        String offload = base + "_offload";
        String done = base + "_done";
        steps.add(step(base + "_size", next(Y.jumps("len(json.encode(" + joined + ")) > " + OFFLOAD_CHECK_BYTES,
                offload), done)));
        steps.add(step(offload, Y.call(Helpers.CALL, map("fn", expr("fn"), "op", Protocol.OP_OFFLOAD, "body", map(
                Protocol.RUN, expr("run"), Protocol.EXECUTION, expr("xid"), Protocol.INPUT, expr(joined),
                Protocol.LOG, list())), scope.answer())));
        steps.add(step(offload + "_use", assign(joined, expr(scope.answer() + "." + Protocol.RESULT))));
        steps.add(Events.full(done, scope, path, expr(forks), "SUCCEEDED", null));
        steps.addAll(PathCompiler.write(scope.data(), parallel.resultPath(), joined, base + "_out",
                base + "_bad", ScopeCompiler.target(compilation, scope, parallel.next())));
        if (TaskCompiler.writes(parallel.resultPath(), parallel.catches())) {
            steps.addAll(TaskCompiler.dataError(scope, base + "_bad", path, expr(forks),
                    "cannot write the result or error at its path"));
        }
        return steps;
    }

    /** One branch: its scope's variables, its steps inside a try whose except reports the failure, its end. */
    private static Map<String, Object> branch(Compilation compilation, Scope parent, Step.Parallel parallel, int index,
            String base, String stop, String first, String outcomes, String forks) {
        String name = base + "_b" + index;
        Step.Branch branch = parallel.branches().get(index);
        String slot = outcomes + "[" + index + "]";
        Scope scope = parent.branch(compilation.scopeSuffix(), parent.path(parallel.name()) + "/" + index + "/",
                name + "_ok", stop, name + "_stopped");
        List<Object> body = new ArrayList<>(ScopeCompiler.compile(compilation, scope, branch.startAt(), branch.steps()));
        String end = name + "_end";
        body.add(step(name + "_ok", Y.jumps(scope.stopCondition(), name + "_stopped")));
        body.add(step(name + "_ok_out", next(assign(slot, map(Protocol.OK, true,
                Protocol.RESULT_DATA, expr(scope.data()), Protocol.LOG, expr(scope.log()))), end)));
        body.addAll(stopped(scope, name + "_stopped", slot, end));
        List<Object> except = list(
                step(name + "_fl", assign(scope.log(), expr("default(map.get(" + scope.error() + ", \"log\"), "
                        + scope.log() + ")"))),
                step(name + "_fn", Y.call(Helpers.NORMALIZE, map("e", expr(scope.error())), scope.error())),
                step(name + "_f", Y.jumps(stop, name + "_late")),
                step(name + "_f_first", assign(stop, true, first, index)),
                step(name + "_f_stop", Y.call(Helpers.CALL, map("fn", expr("fn"), "op", Protocol.OP_STOP, "body", map(
                        Protocol.RUN, expr("run"), Protocol.EXECUTION, expr("xid"), Protocol.PREFIX,
                        expr(parent.visit() + " + \".\" + string(" + forks + ") + \".\""), Protocol.LOG,
                        expr(scope.log()))), null)),
                step(name + "_f_sent", assign(scope.log(), list())),
                step(name + "_f_out", next(assign(slot, map(Protocol.OK, false,
                        Protocol.ERROR, expr(scope.error() + "." + Protocol.ERROR),
                        Protocol.CAUSE, expr(scope.error() + "." + Protocol.CAUSE),
                        Protocol.LOG, expr(scope.log()))), end)));
        except.addAll(stopped(scope, name + "_late", slot, end));
        List<Object> steps = list(
                step(name + "_init", assign(scope.data(), expr(parent.data()), scope.log(), list(),
                        scope.counter(), 0, scope.lastOpen(), false,
                        scope.prefix(), expr(parent.visit() + " + \".\" + string(" + forks + ") + " + lit("." + index + ".")))),
                step(name + "_run", map("try", map("steps", body), "except", map("as", scope.error(), "steps", except))),
                step(end, assign(scope.counter(), expr(scope.counter()))));
        return map("b" + index, map("steps", steps));
    }

    /**
     * A sibling failed (the branch saw the stop flag at a step boundary, or failed itself after the sibling): the
     * step in flight (if it takes time) is CANCELLED, and the branch reports "stopped". */
    private static List<Map<String, Object>> stopped(Scope scope, String name, String slot, String end) {
        String report = name + "_out";
        return List.of(
                step(name, next(Y.jumps("not " + scope.lastOpen(), report), name + "_ev")),
                Events.outcome(name + "_ev", scope, "CANCELLED"),
                step(report, next(assign(slot, map(Protocol.OK, Protocol.STOPPED, Protocol.LOG, expr(scope.log()))),
                        end)));
    }
}
