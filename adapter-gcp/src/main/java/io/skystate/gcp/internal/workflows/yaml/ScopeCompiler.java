package io.skystate.gcp.internal.workflows.yaml;

import static io.skystate.gcp.internal.workflows.yaml.Y.expr;
import static io.skystate.gcp.internal.workflows.yaml.Y.step;

import io.skystate.api.workflow.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compiles the steps of one scope into one Workflows steps list: the start step first, then the others in
 * definition order. Every compiled step begins with its entry (named after the step, so {@code next} targets are
 * step names) and ends with an explicit jump, so the order of the list never decides where a run goes. Stateless.
 */
final class ScopeCompiler {
    private ScopeCompiler() {
    }

    static List<Map<String, Object>> compile(Compilation compilation, Scope scope, String startAt,
            Map<String, Step> steps) {
        Map<String, Step> ordered = new LinkedHashMap<>();
        ordered.put(startAt, steps.get(startAt));
        ordered.putAll(steps);
        List<Map<String, Object>> compiled = new ArrayList<>();
        for (Step step : ordered.values()) {
            compiled.addAll(compileStep(compilation, scope, step));
        }
        return compiled;
    }

    private static List<Map<String, Object>> compileStep(Compilation compilation, Scope scope, Step step) {
        if (step instanceof Step.Task task) {
            return TaskCompiler.task(compilation, scope, task);
        }
        if (step instanceof Step.AwaitCallback await) {
            return TaskCompiler.callback(compilation, scope, await);
        }
        if (step instanceof Step.AwaitEvent await) {
            return TaskCompiler.event(compilation, scope, await);
        }
        if (step instanceof Step.Choice choice) {
            return ChoiceCompiler.choice(compilation, scope, choice);
        }
        if (step instanceof Step.Parallel parallel) {
            return ParallelCompiler.parallel(compilation, scope, parallel);
        }
        if (step instanceof Step.Wait wait) {
            return FlowCompiler.waitStep(compilation, scope, wait);
        }
        if (step instanceof Step.Succeed succeed) {
            return FlowCompiler.succeed(compilation, scope, succeed);
        }
        return FlowCompiler.fail(compilation, scope, (Step.Fail) step);
    }

    /** Where a step goes next: the compiled name of {@code next}, or the end of the scope. */
    static String target(Compilation compilation, Scope scope, Optional<String> next) {
        return next.map(compilation::stepName).orElse(scope.endStep());
    }

    /**
     * The entry of a step: in a branch, first a jump to the branch's stop handling when a sibling failed; then a
     * new visit (counter, visit id, start time) and whether this step takes time, plus {@code extra} assignments
     * (alternating target and value).
     */
    static List<Map<String, Object>> entry(Compilation compilation, Scope scope, String stepName, boolean takesTime,
            Object... extra) {
        String name = compilation.stepName(stepName);
        List<Map<String, Object>> steps = new ArrayList<>();
        String assignName = name;
        if (!scope.isTop()) {
            steps.add(step(name, Y.jumps(scope.stopCondition(), scope.stoppedStep())));
            assignName = name + "_enter";
        }
        List<Object> assignments = new ArrayList<>(List.of(
                scope.counter(), expr(scope.counter() + " + 1"),
                scope.visit(), expr(scope.prefix() + " + string(" + scope.counter() + ")"),
                scope.started(), expr("sys.now()"),
                scope.lastOpen(), takesTime));
        assignments.addAll(List.of(extra));
        steps.add(step(assignName, Y.assign(assignments.toArray())));
        return steps;
    }
}
