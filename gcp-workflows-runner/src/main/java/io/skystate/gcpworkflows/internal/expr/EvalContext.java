package io.skystate.gcpworkflows.internal.expr;

import java.util.List;

/** What an expression can reach: variables in scope and callable functions. Implementations define thread-safety. */
public interface EvalContext {
    /** The value of a variable; a KeyError {@code WorkflowError} if it is not defined. */
    Object variable(String name);

    /** Calls a non-blocking standard library function or a subworkflow with positional arguments. */
    Object call(String function, List<Object> args);
}
