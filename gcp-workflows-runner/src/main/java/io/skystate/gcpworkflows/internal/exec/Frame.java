package io.skystate.gcpworkflows.internal.exec;

/**
 * Where the interpreter is: the routine being run, the depth of the call stack, the variable scope and the flow
 * (cancellation and parallel depth). Immutable; a loop iteration or branch gets a new frame.
 */
record Frame(String routine, int callDepth, Scope scope, Flow flow) {
    Frame withScope(Scope newScope) {
        return new Frame(routine, callDepth, newScope, flow);
    }

    Frame withFlow(Flow newFlow, Scope newScope) {
        return new Frame(routine, callDepth, newScope, newFlow);
    }
}
