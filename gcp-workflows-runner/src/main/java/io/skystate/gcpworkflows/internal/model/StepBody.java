package io.skystate.gcpworkflows.internal.model;

import io.skystate.gcpworkflows.internal.expr.Expr;
import java.util.List;
import java.util.Map;

/**
 * What a step does. One record per step kind of https://cloud.google.com/workflows/docs/reference/syntax. Immutable.
 */
public sealed interface StepBody permits StepBody.Assign, StepBody.Call, StepBody.Switch, StepBody.For,
        StepBody.Parallel, StepBody.Try, StepBody.Raise, StepBody.Return, StepBody.Steps {

    /** {@code assign}: assignments run in order (https://cloud.google.com/workflows/docs/reference/syntax/variables). */
    record Assign(List<Assignment> assignments) implements StepBody {
        public Assign {
            assignments = List.copyOf(assignments);
        }
    }

    /** One {@code target: value} of an assign step; the target is a variable with an optional key/index path. */
    record Assignment(String variable, List<PathSegment> path, ValueTemplate value, Location location) {
        public Assignment {
            path = List.copyOf(path);
        }
    }

    /** A segment of an assignment target: {@code .key} or {@code [expr]}. */
    sealed interface PathSegment permits Key, IndexOf {
    }

    record Key(String name) implements PathSegment {
    }

    record IndexOf(Expr index) implements PathSegment {
    }

    /**
     * {@code call} with named {@code args} and an optional {@code result} variable
     * (https://cloud.google.com/workflows/docs/reference/syntax/calls). The target is a standard library function
     * or a subworkflow.
     */
    record Call(String target, Map<String, ValueTemplate> args, String result, boolean subworkflow)
            implements StepBody {
        public Call {
            args = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(args));
        }
    }

    /** {@code switch} (https://cloud.google.com/workflows/docs/reference/syntax/conditions). */
    record Switch(List<Condition> conditions) implements StepBody {
        public Switch {
            conditions = List.copyOf(conditions);
        }
    }

    /** One switch condition with an optional inline body (steps, assign, return, raise, call) and {@code next}. */
    record Condition(ValueTemplate condition, StepBody body, String next, Location location) {
    }

    /** {@code for} (https://cloud.google.com/workflows/docs/reference/syntax/iteration). */
    record For(ForLoop loop) implements StepBody {
    }

    /** {@code parallel} (https://cloud.google.com/workflows/docs/reference/syntax/parallel-steps). */
    record Parallel(List<String> shared, ValueTemplate concurrencyLimit, boolean continueAll, List<Branch> branches,
                    ForLoop loop) implements StepBody {
        public Parallel {
            shared = List.copyOf(shared);
            branches = branches == null ? null : List.copyOf(branches);
        }
    }

    record Branch(String name, StepList steps, Location location) {
    }

    /**
     * {@code try} with {@code retry} and/or {@code except}
     * (https://cloud.google.com/workflows/docs/reference/syntax/catching-errors, .../retrying).
     */
    record Try(StepBody body, RetryPolicy retry, String exceptAs, StepList except) implements StepBody {
    }

    /** {@code raise} (https://cloud.google.com/workflows/docs/reference/syntax/raising-errors). */
    record Raise(ValueTemplate value) implements StepBody {
    }

    /** {@code return} (https://cloud.google.com/workflows/docs/reference/syntax/completing). */
    record Return(ValueTemplate value) implements StepBody {
    }

    /** Nested {@code steps} (https://cloud.google.com/workflows/docs/reference/syntax/steps#nested-steps). */
    record Steps(StepList steps) implements StepBody {
    }
}
