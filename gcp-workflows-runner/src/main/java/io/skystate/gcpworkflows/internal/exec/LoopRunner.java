package io.skystate.gcpworkflows.internal.exec;

import io.skystate.gcpworkflows.internal.model.ForLoop;
import io.skystate.gcpworkflows.internal.value.Values;
import io.skystate.gcpworkflows.internal.value.WorkflowError;
import java.util.List;
import java.util.Set;

/**
 * Runs {@code for} loops (https://cloud.google.com/workflows/docs/reference/syntax/iteration): over a list
 * ({@code in}) or an inclusive numeric {@code range}, each iteration in a fresh scope holding {@code value} and
 * {@code index}; {@code next: break} leaves the loop, {@code next: continue} starts the next iteration. Also
 * provides the iteration values to parallel for. Thread-safe.
 */
final class LoopRunner {
    private final Interpreter interpreter;

    LoopRunner(Interpreter interpreter) {
        this.interpreter = interpreter;
    }

    void run(ForLoop loop, Frame frame) {
        Iteration items = iterate(loop, frame);
        for (long i = 0; i < items.size(); i++) {
            Scope scope = frame.scope().child(Scope.Kind.LOOP, Set.of());
            try {
                bind(loop, scope, items, i);
                interpreter.runSteps(loop.steps(), frame.withScope(scope));
            } catch (Signals.Jump jump) {
                if (jump.target().equals("break")) {
                    return;
                } else if (!jump.target().equals("continue")) {
                    throw jump;
                }
            } finally {
                scope.release();
            }
        }
    }

    /** The values a loop runs over, evaluated once before the first iteration. */
    Iteration iterate(ForLoop loop, Frame frame) {
        if (loop.in() != null) {
            Object value = loop.in().evaluate(interpreter.calls().context(frame));
            if (value instanceof List<?> list) {
                return new Iteration(list, 0, 0, list.size(), false);
            }
            throw WorkflowError.typeError("for 'in' must be a list, got " + Values.typeName(value)
                    + (value instanceof java.util.Map ? " (iterate over keys(map))" : ""));
        }
        Object start = loop.rangeStart().evaluate(interpreter.calls().context(frame));
        Object end = loop.rangeEnd().evaluate(interpreter.calls().context(frame));
        if (!Values.isNumber(start) || !Values.isNumber(end)) {
            throw WorkflowError.typeError("for 'range' bounds must be numbers");
        }
        boolean doubles = start instanceof Double || end instanceof Double;
        double from = ((Number) start).doubleValue();
        double to = ((Number) end).doubleValue();
        long count = to < from ? 0 : (long) Math.floor(to - from) + 1;
        return new Iteration(null, from, ((Number) start).longValue(), count, doubles);
    }

    void bind(ForLoop loop, Scope scope, Iteration items, long i) {
        if (loop.value() != null) {
            scope.declare(loop.value(), items.value(i));
        }
        if (loop.index() != null) {
            scope.declare(loop.index(), i);
        }
    }

    /** A list to iterate, or an arithmetic range of {@code size} values from {@code start}. */
    record Iteration(List<?> list, double start, long longStart, long size, boolean doubles) {
        Object value(long i) {
            if (list != null) {
                return list.get((int) i);
            }
            return doubles ? (Object) (start + i) : (Object) (longStart + i);
        }
    }
}
