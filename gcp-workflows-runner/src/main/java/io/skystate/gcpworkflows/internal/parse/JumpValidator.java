package io.skystate.gcpworkflows.internal.parse;

import io.skystate.gcpworkflows.internal.model.Location;
import io.skystate.gcpworkflows.internal.model.Program;
import io.skystate.gcpworkflows.internal.model.Routine;
import io.skystate.gcpworkflows.internal.model.Step;
import io.skystate.gcpworkflows.internal.model.StepBody;
import io.skystate.gcpworkflows.internal.model.StepList;

/**
 * Checks at deploy time that every {@code next} can be followed
 * (https://cloud.google.com/workflows/docs/reference/syntax/jumps): a target is a step of the same steps list or
 * of an enclosing one, without leaving a for loop or a parallel branch; {@code break} and {@code continue} appear
 * only inside a for loop ({@code break} not in a parallel for); {@code end} is always allowed. Also checks that
 * parallel steps nest at most two deep (https://cloud.google.com/workflows/quotas) and that no {@code return}
 * sits directly in a parallel branch (the runner's rule: a branch has no value to return). Not thread-safe.
 */
final class JumpValidator {
    /** The maximum depth of nested parallel steps (https://cloud.google.com/workflows/quotas). */
    static final int MAX_PARALLEL_DEPTH = 2;

    private enum Boundary { NONE, LOOP, PARALLEL_LOOP, BRANCH, ROUTINE }

    private record Scope(StepList list, Scope parent, Boundary boundary) {
    }

    private final Problems problems;

    JumpValidator(Problems problems) {
        this.problems = problems;
    }

    void validate(Program program) {
        for (Routine routine : program.routines().values()) {
            walk(routine.steps(), null, Boundary.ROUTINE, 0);
        }
    }

    private void walk(StepList list, Scope parent, Boundary boundary, int parallelDepth) {
        Scope scope = new Scope(list, parent, boundary);
        for (Step step : list.steps()) {
            checkTarget(step.next(), scope, step.location());
            walkBody(step.body(), scope, parallelDepth, step.location());
        }
    }

    private void checkReturn(Scope scope, Location at) {
        for (Scope current = scope; current != null; current = current.parent()) {
            if (current.boundary() == Boundary.BRANCH || current.boundary() == Boundary.PARALLEL_LOOP) {
                problems.invalid(at, "return is not allowed inside a parallel branch or parallel for; "
                        + "assign a shared variable instead");
                return;
            }
        }
    }

    private void walkBody(StepBody body, Scope scope, int parallelDepth, Location at) {
        if (body instanceof StepBody.Return) {
            checkReturn(scope, at);
        } else if (body instanceof StepBody.Steps steps) {
            walk(steps.steps(), scope, Boundary.NONE, parallelDepth);
        } else if (body instanceof StepBody.Switch switchStep) {
            for (StepBody.Condition condition : switchStep.conditions()) {
                checkTarget(condition.next(), scope, condition.location());
                walkBody(condition.body(), scope, parallelDepth, condition.location());
            }
        } else if (body instanceof StepBody.Try tryStep) {
            walkBody(tryStep.body(), scope, parallelDepth, at);
            if (tryStep.except() != null) {
                walk(tryStep.except(), scope, Boundary.NONE, parallelDepth);
            }
        } else if (body instanceof StepBody.For forStep) {
            walk(forStep.loop().steps(), scope, Boundary.LOOP, parallelDepth);
        } else if (body instanceof StepBody.Parallel parallel) {
            int depth = parallelDepth + 1;
            if (depth > MAX_PARALLEL_DEPTH) {
                problems.invalid(at, "parallel steps nest at most " + MAX_PARALLEL_DEPTH + " deep");
            }
            if (parallel.loop() != null) {
                walk(parallel.loop().steps(), scope, Boundary.PARALLEL_LOOP, depth);
            } else {
                parallel.branches().forEach(branch -> walk(branch.steps(), scope, Boundary.BRANCH, depth));
            }
        }
    }

    private void checkTarget(String target, Scope scope, Location at) {
        if (target == null || target.equals("end")) {
            return;
        }
        if (target.equals("break") || target.equals("continue")) {
            Boundary loop = nearestBoundary(scope);
            if (loop == Boundary.LOOP || loop == Boundary.PARALLEL_LOOP && target.equals("continue")) {
                return;
            }
            problems.invalid(at, "next: " + target + " is allowed only inside a for loop"
                    + (loop == Boundary.PARALLEL_LOOP ? " (a parallel for cannot break)" : ""));
            return;
        }
        for (Scope current = scope; current != null; current = current.parent()) {
            if (current.list().indexOf(target) >= 0) {
                return;
            }
            if (current.boundary() != Boundary.NONE) {
                break;
            }
        }
        problems.invalid(at, "next target '" + target + "' is not a step of this steps list or an enclosing one "
                + "(a jump cannot leave a for loop, a parallel branch or a subworkflow)");
    }

    private static Boundary nearestBoundary(Scope scope) {
        for (Scope current = scope; current != null; current = current.parent()) {
            if (current.boundary() != Boundary.NONE) {
                return current.boundary();
            }
        }
        return Boundary.ROUTINE;
    }
}
