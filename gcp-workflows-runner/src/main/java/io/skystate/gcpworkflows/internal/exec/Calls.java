package io.skystate.gcpworkflows.internal.exec;

import io.skystate.gcpworkflows.internal.expr.EvalContext;
import io.skystate.gcpworkflows.internal.model.Routine;
import io.skystate.gcpworkflows.internal.model.StepBody;
import io.skystate.gcpworkflows.internal.model.ValueTemplate;
import io.skystate.gcpworkflows.internal.stdlib.Function;
import io.skystate.gcpworkflows.internal.stdlib.Stdlib;
import io.skystate.gcpworkflows.internal.value.WorkflowError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Function and subworkflow calls: {@code call} steps with named {@code args}
 * (https://cloud.google.com/workflows/docs/reference/syntax/calls) and calls inside expressions with positional
 * arguments (https://cloud.google.com/workflows/docs/reference/syntax/expressions). Thread-safe.
 */
final class Calls {
    private final Interpreter interpreter;

    Calls(Interpreter interpreter) {
        this.interpreter = interpreter;
    }

    /** The expression context of a frame: its variables, functions and subworkflows. */
    EvalContext context(Frame frame) {
        return new EvalContext() {
            @Override
            public Object variable(String name) {
                return frame.scope().lookup(name);
            }

            @Override
            public Object call(String function, List<Object> args) {
                return callPositional(function, args, frame);
            }
        };
    }

    Object callStep(StepBody.Call call, Frame frame) {
        EvalContext context = context(frame);
        Map<String, Object> args = new LinkedHashMap<>();
        for (Map.Entry<String, ValueTemplate> arg : call.args().entrySet()) {
            args.put(arg.getKey(), arg.getValue().evaluate(context));
        }
        if (call.subworkflow()) {
            return interpreter.callRoutine(call.target(), args, frame);
        }
        Function function = Stdlib.standard().function(call.target()).orElseThrow();
        Object[] values = new Object[function.params().size()];
        for (int i = 0; i < values.length; i++) {
            Function.Param param = function.params().get(i);
            values[i] = args.containsKey(param.name()) ? args.get(param.name()) : param.defaultValue();
        }
        return function.impl().apply(values, frame.flow());
    }

    /** A call with positional arguments: from an expression, or a built-in retry predicate. */
    Object callPositional(String name, List<Object> args, Frame frame) {
        Routine routine = interpreter.program().routines().get(name);
        if (routine != null) {
            Map<String, Object> named = new LinkedHashMap<>();
            for (int i = 0; i < args.size() && i < routine.params().size(); i++) {
                named.put(routine.params().get(i).name(), args.get(i));
            }
            return interpreter.callRoutine(name, named, frame);
        }
        Function function = Stdlib.standard().function(name)
                .orElseThrow(() -> WorkflowError.keyError("function '" + name + "' is not defined"));
        Object[] values = new Object[function.params().size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = i < args.size() ? args.get(i) : function.params().get(i).defaultValue();
        }
        return function.impl().apply(values, frame.flow());
    }
}
