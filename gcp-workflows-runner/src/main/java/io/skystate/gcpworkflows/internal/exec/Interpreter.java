package io.skystate.gcpworkflows.internal.exec;

import io.skystate.gcpworkflows.internal.model.Program;
import io.skystate.gcpworkflows.internal.model.Routine;
import io.skystate.gcpworkflows.internal.model.Step;
import io.skystate.gcpworkflows.internal.model.StepBody;
import io.skystate.gcpworkflows.internal.model.StepList;
import io.skystate.gcpworkflows.internal.value.ErrorTags;
import io.skystate.gcpworkflows.internal.value.Values;
import io.skystate.gcpworkflows.internal.value.WorkflowError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a {@link Program}: steps in order, jumps ({@code next}), assign, call, switch, raise, return and nested steps
 * here; for loops, parallel steps and try/retry/except in their runners. Semantics follow
 * https://cloud.google.com/workflows/docs/reference/syntax. Thread-safe: parallel branches share one interpreter;
 * all mutable state lives in {@link Frame}s, {@link Scope}s and the {@link Execution}.
 */
public final class Interpreter {
    private static final Set<String> SPECIAL_TARGETS = Set.of("end", "break", "continue");

    private final Program program;
    private final Calls calls;
    private final LoopRunner loops;
    private final ParallelRunner parallels;
    private final TryRunner tries;

    public Interpreter(Program program) {
        this.program = program;
        this.calls = new Calls(this);
        this.loops = new LoopRunner(this);
        this.parallels = new ParallelRunner(this);
        this.tries = new TryRunner(this);
    }

    Program program() {
        return program;
    }

    Calls calls() {
        return calls;
    }

    /** Runs {@code main} with the runtime argument; returns its result (null when it ends without return). */
    public Object run(Execution execution, Object argument) {
        Routine main = program.main();
        Flow flow = new Flow(execution, execution.cancellation(), 0);
        Scope scope = Scope.routine(execution);
        execution.cancellation().enter();
        try {
            if (!main.params().isEmpty()) {
                scope.declare(main.params().get(0).name(), argument);
            }
            return runRoutine(main, new Frame(main.name(), 1, scope, flow));
        } finally {
            scope.release();
            execution.cancellation().exit();
        }
    }

    /** Runs a routine's steps in a prepared frame; {@code return} gives its value, {@code next: end} null. */
    Object runRoutine(Routine routine, Frame frame) {
        try {
            runSteps(routine.steps(), frame);
            return null;
        } catch (Signals.Return done) {
            return done.value();
        } catch (Signals.Jump jump) {
            if (jump.target().equals("end")) {
                return null;
            }
            throw jump;
        }
    }

    /** Runs a steps list, following jumps inside it and passing others outwards. */
    void runSteps(StepList list, Frame frame) {
        List<Step> steps = list.steps();
        int position = 0;
        while (position < steps.size()) {
            Step step = steps.get(position);
            String next;
            try {
                next = executeStep(step, frame);
            } catch (Signals.Jump jump) {
                int target = SPECIAL_TARGETS.contains(jump.target()) ? -1 : list.indexOf(jump.target());
                if (target < 0) {
                    throw jump;
                }
                position = target;
                continue;
            }
            if (next == null) {
                position++;
                continue;
            }
            int target = SPECIAL_TARGETS.contains(next) ? -1 : list.indexOf(next);
            if (target < 0) {
                throw new Signals.Jump(next);
            }
            position = target;
        }
    }

    private String executeStep(Step step, Frame frame) {
        frame.flow().checkCancelled();
        try {
            frame.flow().execution().enterStep(frame.routine(), step.name());
            String jump = executeBody(step.body(), frame);
            return jump != null ? jump : step.next();
        } catch (WorkflowError error) {
            error.addFrame(new WorkflowError.Frame(frame.routine(), step.name(), step.location().line(),
                    step.location().column()));
            throw error;
        }
    }

    /** Runs a step body; returns a jump target chosen inside it (by a switch condition), or null. */
    String executeBody(StepBody body, Frame frame) {
        if (body == null) {
            return null;
        } else if (body instanceof StepBody.Assign assign) {
            assign(assign, frame);
            return null;
        } else if (body instanceof StepBody.Call call) {
            Object result = calls.callStep(call, frame);
            if (call.result() != null) {
                frame.scope().assign(call.result(), result);
            }
            return null;
        } else if (body instanceof StepBody.Switch switchStep) {
            return switchStep(switchStep, frame);
        } else if (body instanceof StepBody.Steps nested) {
            runSteps(nested.steps(), frame);
            return null;
        } else if (body instanceof StepBody.Raise raise) {
            throw new WorkflowError(raise.value().evaluate(calls.context(frame)));
        } else if (body instanceof StepBody.Return done) {
            throw new Signals.Return(done.value().evaluate(calls.context(frame)));
        } else if (body instanceof StepBody.For forStep) {
            loops.run(forStep.loop(), frame);
            return null;
        } else if (body instanceof StepBody.Parallel parallel) {
            parallels.run(parallel, frame);
            return null;
        } else if (body instanceof StepBody.Try tryStep) {
            return tries.run(tryStep, frame);
        }
        throw new IllegalStateException("unknown step body " + body);
    }

    private void assign(StepBody.Assign assign, Frame frame) {
        for (StepBody.Assignment assignment : assign.assignments()) {
            Object value = assignment.value().evaluate(calls.context(frame));
            if (assignment.path().isEmpty()) {
                frame.scope().assign(assignment.variable(), value);
                continue;
            }
            List<Object> keys = new ArrayList<>(assignment.path().size());
            for (StepBody.PathSegment segment : assignment.path()) {
                keys.add(segment instanceof StepBody.Key key ? key.name()
                        : io.skystate.gcpworkflows.internal.expr.Evaluator.evaluate(
                                ((StepBody.IndexOf) segment).index(), calls.context(frame)));
            }
            frame.scope().assignPath(assignment.variable(), keys, value);
        }
    }

    private String switchStep(StepBody.Switch switchStep, Frame frame) {
        for (StepBody.Condition condition : switchStep.conditions()) {
            Object value = condition.condition().evaluate(calls.context(frame));
            if (!(value instanceof Boolean)) {
                throw WorkflowError.of(ErrorTags.TYPE_ERROR, "switch condition must be a boolean, got "
                        + Values.typeName(value) + " at " + condition.location().path());
            }
            if ((Boolean) value) {
                String jump = executeBody(condition.body(), frame);
                return jump != null ? jump : condition.next();
            }
        }
        return null;
    }

    /** Calls a subworkflow with named arguments, checking the call stack depth. */
    Object callRoutine(String name, Map<String, Object> args, Frame caller) {
        Routine routine = program.routines().get(name);
        int depth = caller.callDepth() + 1;
        if (depth > Limits.MAX_CALL_DEPTH) {
            throw WorkflowError.of(ErrorTags.RECURSION_ERROR, "maximum call stack depth " + Limits.MAX_CALL_DEPTH
                    + " exceeded calling '" + name + "'");
        }
        Scope scope = Scope.routine(caller.flow().execution());
        Frame frame = new Frame(name, depth, scope, caller.flow());
        try {
            for (Routine.Param param : routine.params()) {
                if (args.containsKey(param.name())) {
                    scope.declare(param.name(), args.get(param.name()));
                } else if (param.defaultValue() != null) {
                    scope.declare(param.name(), param.defaultValue().evaluate(calls.context(frame)));
                } else {
                    throw WorkflowError.typeError("subworkflow '" + name + "' needs argument '" + param.name() + "'");
                }
            }
            return runRoutine(routine, frame);
        } finally {
            scope.release();
        }
    }
}
