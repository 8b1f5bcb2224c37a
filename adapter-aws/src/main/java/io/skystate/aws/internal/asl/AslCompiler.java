package io.skystate.aws.internal.asl;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skystate.api.UnsupportedCapabilityException;
import io.skystate.api.workflow.Step;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.api.workflow.WorkflowErrors;
import io.skystate.core.handler.HandlerRegistry;
import io.skystate.core.workflow.UnsupportedSteps;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compiles a portable {@link WorkflowDefinition} to Amazon States Language (JSONPath query language) with the same
 * observable behaviour as the local engine. Stateless and thread-safe.
 *
 * <h2>The state document</h2>
 * The ASL state data is not the workflow data itself but a wrapper built by the first state,
 * {@value #START}: {@code {"data": <workflow data>, "comp": <compensation log>, "blank": {"Error": "", "Cause": ""}}},
 * plus scratch fields {@code caught} (an error being caught) and {@code failure} (the saga's pending failure). Every
 * portable path is rewritten into {@code data} ({@code $} → {@code $.data}, {@code $.a[0]} → {@code $.data.a[0]},
 * see {@link #dataPath}), so a result path {@code $} replaces the workflow data but never the internal fields, handler
 * inputs never contain them, and every state that ends the workflow (or a parallel branch) has
 * {@code "OutputPath": "$.data"}: the execution output and branch outputs are exactly the workflow data. Inputs of
 * states in the execution history are wrappers; their {@code data} field is the workflow data.
 *
 * <h2>Steps</h2>
 * <ul>
 * <li><b>Task</b> ({@link TaskDispatch#SQS_WORKER}): resource {@value #SQS_RESOURCE} on the task queue with
 * {@code MessageBody {"kind":"task","handler":h,"token.$":"$$.Task.Token","input.$":<data path of inputPath>,
 * "execution.$":"$$.Execution.Name","step":<path>,"attempt.$":"$$.State.RetryCount"}}; the worker runs the handler
 * and completes the token with its output. {@code attempt} is Step Functions' retry count, <b>0 on the first
 * attempt</b> (the worker adds 1 for the handler's 1-based attempt). {@code step} is the step's history path
 * ({@code name}, or {@code parallel/branchIndex/name} inside branches). The portable input path is applied inside the
 * message, never as ASL {@code InputPath}. {@code TimeoutSeconds} is the step's timeout, or
 * {@link HandlerRegistry#DEFAULT_TIMEOUT} (the local engine's per-attempt default) when it has none, so a lost
 * message cannot park the execution for a year. ({@link TaskDispatch#LAMBDA}): {@code Resource} is the handler's
 * function ARN (direct invocation: the result is the function's return value, not a {@code Payload} envelope) and
 * {@code Parameters} the same message without {@code token}.</li>
 * <li><b>AwaitCallback</b>: the same resource on the callback queue (Lambda mode:
 * {@value #LAMBDA_CALLBACK_RESOURCE}) with {@code "kind":"callback"}; the worker calls the handler with
 * {@code {"token","url","input"}} and leaves the token to the external party. {@code TimeoutSeconds} = timeout,
 * {@code HeartbeatSeconds} = heartbeat.</li>
 * <li><b>Retry</b>: {@code ErrorEquals} via {@link AslErrors#errorEquals}, {@code IntervalSeconds},
 * {@code MaxAttempts = maxAttempts - 1}, {@code BackoffRate}, {@code MaxDelaySeconds} (max interval),
 * {@code JitterStrategy FULL} when jitter is 1. Rules after one matching every error are dropped (unreachable).
 * Difference: Step Functions counts attempts per retrier, the local engine per step, which only matters for a step
 * with several retry rules whose errors alternate.</li>
 * <li><b>Catch</b>: ASL writes {@code {"Error","Cause"}}, Skystate {@code {"error","cause"}} with the portable error
 * name. Each catch rule becomes a catcher with {@code "ResultPath": "$.caught"} leading to generated Pass states:
 * {@code __skystate_<step>_catch<i>} merges {@code $.blank} under the error ({@code States.JsonMerge}, so a missing
 * {@code Cause} reads as ""), then, for rules that can match a timeout, the Choice {@code __skystate_<step>_catch<i>_kind}
 * sends {@code States.Timeout}/{@code States.HeartbeatTimeout} to {@code __skystate_<step>_catch<i>_timeout}
 * (writes {@code "error": "Skystate.Timeout"}), everything else to {@code __skystate_<step>_catch<i>_error}
 * ({@code "error.$": "$.caught.m.Error"}); that Pass writes {@code {"error","cause"}} at the rule's result path and
 * goes to the rule's next step. The scratch {@code caught} field stays outside the workflow data.</li>
 * <li><b>Choice</b>: comparisons map to {@code String*}, {@code Numeric*} and {@code BooleanEquals}, each wrapped as
 * {@code {"And": [{IsPresent: true}, {IsString|IsNumeric|IsBoolean: true}, <comparison>]}} because Skystate defines
 * a comparison on an absent or differently typed value as false whereas ASL fails the execution. {@code IsPresent},
 * {@code And}, {@code Or}, {@code Not} map directly. A choice without otherwise gets {@code Default} =
 * {@code __skystate_<choice>_nomatch}, a Fail state with error {@value AslErrors#NO_CHOICE_MATCHED} (the local
 * engine's error; without it Step Functions would fail with {@code States.NoChoiceMatched}).</li>
 * <li><b>Parallel</b>: {@code Branches} compiled recursively (each branch gets the state input, like the local
 * engine); branch end states unwrap, so the result is the array of branch data. <b>Wait</b>: {@code Seconds},
 * {@code Timestamp} (ISO-8601 UTC) or {@code TimestampPath}. <b>Succeed</b>, <b>Fail</b> ({@code Error},
 * {@code Cause}). The workflow timeout becomes the top-level {@code TimeoutSeconds} (the execution ends TIMED_OUT,
 * without compensation, as locally).</li>
 * </ul>
 *
 * <h2>Saga compensation</h2>
 * Generated only when a top-level task names a compensation. After such a task succeeds, the Pass
 * {@code __skystate_<task>_log} pushes {@code {"handler": h, "step": path, "prev": <old log>}} onto {@code $.comp}
 * (a linked list, newest first, ending with {@code {}}; the log survives every result path since results go under
 * {@code data}). Every top-level Task, AwaitCallback and Parallel step gets a last catcher {@code States.ALL} (unless
 * a user rule already catches everything) to {@value #FAILURE}, which normalises the error like a catch rule
 * ({@code __skystate_failure_kind}, {@code __skystate_failure_timeout}, {@code __skystate_failure_error}) into
 * {@code $.failure = {"error","cause"}}. A top-level Fail step becomes a Pass of the same name that sets
 * {@code $.failure} to its error and cause; an unmatched choice at top level does the same through
 * {@code __skystate_<choice>_nomatch}. All go to the Choice {@value #COMPENSATING}: with an empty log straight to
 * {@value #FAILED}, else to {@value #COMPENSATE}, a task sending
 * {@code {"kind":"compensate","token.$","execution.$","log.$":"$.comp","data.$":"$.data","error.$","cause.$"}} to the
 * task queue (Lambda mode: invoking the {@link #COMPENSATOR_HANDLER} function with the same fields but no token). The
 * worker runs the log's handlers newest first, each with the workflow data at the failure (up to 3 attempts each,
 * continuing past failures, like the local Compensator), then completes the token. Whatever happens to it (retried
 * twice, {@value #COMPENSATE_TIMEOUT_SECONDS} s timeout), the run then ends in the Fail state {@value #FAILED} with
 * {@code ErrorPath}/{@code CausePath} = the original error and cause.
 *
 * <p>Limits: compensations inside parallel branches are rejected ({@link UnsupportedCapabilityException}: the log
 * written in a branch does not survive the branch); failures Step Functions reports as {@code States.Runtime}
 * (a path that selects nothing, a result path that cannot be applied) cannot be caught in ASL, so they neither reach
 * catch rules for {@link WorkflowErrors#DATA_ERROR} nor trigger compensation; a run that times out or is stopped is
 * not compensated (as locally). Choice conditions and wait paths see claim-check references, not the offloaded
 * values (the worker resolves references for handlers only). When a run fails without saga machinery its error is
 * the native name: map it with {@link AslErrors#toPortable}.
 *
 * <p>Generated state names all start with {@value #PREFIX}; portable step names (letters first) cannot clash, and
 * they are unique across branches, so they are used unchanged. Generated names longer than 80 characters are
 * shortened to {@code __skystate_<n>_<suffix>}.
 */
public final class AslCompiler {
    public static final String PREFIX = "__skystate_";
    /** First state: wraps the execution input as {@code {"data": input, "comp": {}, "blank": {...}}}. */
    public static final String START = "__skystate_start";
    /** Entry of the saga's failure normalisation. */
    public static final String FAILURE = "__skystate_failure";
    /** Choice: compensate if the log is not empty. */
    public static final String COMPENSATING = "__skystate_compensating";
    /** Task that has the worker run the compensation log. */
    public static final String COMPENSATE = "__skystate_compensate";
    /** Final Fail state of a compensated run (ErrorPath/CausePath). */
    public static final String FAILED = "__skystate_failed";
    /** Handler name asked of {@link AslOptions#lambdaArnForHandler()} for the compensation function in Lambda mode. */
    public static final String COMPENSATOR_HANDLER = "__skystate_compensate";
    public static final String SQS_RESOURCE = "arn:aws:states:::sqs:sendMessage.waitForTaskToken";
    public static final String LAMBDA_CALLBACK_RESOURCE = "arn:aws:states:::lambda:invoke.waitForTaskToken";
    public static final int COMPENSATE_TIMEOUT_SECONDS = 3600;
    static final int MAX_STATE_NAME = 80;

    private AslCompiler() {
    }

    /** The step kinds the compiler has no ASL for yet. */
    static final Set<String> UNSUPPORTED = Set.of("awaitEvent");

    /**
     * The ASL state machine for {@code definition} (assumed valid: see core's {@code WorkflowValidator});
     * {@link io.skystate.api.workflow.InvalidWorkflowException} for steps it cannot compile ({@link #rejectUnsupported}).
     */
    public static ObjectNode compile(WorkflowDefinition definition, AslOptions options) {
        rejectUnsupported(definition);
        return new Compilation(definition, options).run();
    }

    /**
     * Rejects definitions with awaitEvent steps: signals are not wired into Step Functions yet, so such a run would
     * wait for an event nothing delivers.
     */
    public static void rejectUnsupported(WorkflowDefinition definition) {
        UnsupportedSteps.reject("aws", "Step Functions", definition, UNSUPPORTED);
    }

    /** True for states the compiler generated (not steps of the definition). */
    public static boolean isGenerated(String stateName) {
        return stateName.startsWith(PREFIX);
    }

    /** A portable path rewritten into the wrapper's {@code data} field: {@code $.a} → {@code $.data.a}. */
    public static String dataPath(String portablePath) {
        return "$.data" + portablePath.substring(1);
    }

    private static final class Compilation {
        private final JsonNodeFactory json = JsonNodeFactory.instance;
        private final WorkflowDefinition definition;
        private final AslOptions options;
        private final boolean saga;
        private final StateNames names = new StateNames();
        private final AslErrorStates errorStates;

        Compilation(WorkflowDefinition definition, AslOptions options) {
            this.definition = definition;
            this.options = options;
            this.saga = definition.steps().values().stream()
                    .anyMatch(s -> s instanceof Step.Task t && t.compensation().isPresent());
            this.errorStates = new AslErrorStates(names, options, this::lambdaArn, saga);
        }

        ObjectNode run() {
            ObjectNode machine = json.objectNode();
            machine.put("Comment", "Skystate workflow " + definition.name() + " v" + definition.version()
                    + " (generated; do not edit)");
            machine.put("StartAt", START);
            ObjectNode states = json.objectNode();
            ObjectNode start = states.putObject(START);
            start.put("Type", "Pass");
            ObjectNode wrapper = start.putObject("Parameters");
            wrapper.put("data.$", "$");
            wrapper.putObject("comp");
            wrapper.putObject("blank").put("Error", "").put("Cause", "");
            start.put("Next", definition.startAt());
            steps(definition.steps(), "", true, states);
            if (saga) {
                errorStates.sagaStates(states);
            }
            machine.set("States", states);
            definition.timeout().ifPresent(t -> machine.put("TimeoutSeconds", seconds(t)));
            return machine;
        }

        private void steps(Map<String, Step> steps, String scope, boolean top, ObjectNode states) {
            for (Step step : steps.values()) {
                String path = scope + step.name();
                if (step instanceof Step.Task task) {
                    task(task, path, top, states);
                } else if (step instanceof Step.AwaitCallback await) {
                    awaitCallback(await, path, top, states);
                } else if (step instanceof Step.Choice choice) {
                    choice(choice, top, states);
                } else if (step instanceof Step.Parallel parallel) {
                    parallel(parallel, path, top, states);
                } else if (step instanceof Step.Wait wait) {
                    waitState(wait, states);
                } else if (step instanceof Step.Succeed succeed) {
                    states.putObject(succeed.name()).put("Type", "Succeed").put("OutputPath", "$.data");
                } else if (step instanceof Step.Fail fail) {
                    failState(fail, top, states);
                } else {
                    throw new IllegalArgumentException("unknown step type " + step);
                }
            }
        }

        private void task(Step.Task task, String path, boolean top, ObjectNode states) {
            if (task.compensation().isPresent() && !top) {
                throw new UnsupportedCapabilityException("aws", "step '" + task.name() + "' of workflow '"
                        + definition.name() + "' names a compensation inside a parallel branch; on Step Functions "
                        + "Skystate compensates top-level tasks only");
            }
            ObjectNode state = states.putObject(task.name());
            state.put("Type", "Task");
            invocation(state, "task", task.handler(), task.inputPath(), path, false);
            state.put("ResultPath", dataPath(task.resultPath()));
            state.put("TimeoutSeconds", seconds(task.timeout().orElse(HandlerRegistry.DEFAULT_TIMEOUT)));
            errorStates.rules(state, task.name(), task.retry(), task.catches(), top, states);
            if (task.compensation().isPresent()) {
                String log = names.name(task.name(), "log");
                state.put("Next", log);
                ObjectNode push = states.putObject(log);
                push.put("Type", "Pass");
                ObjectNode entry = push.putObject("Parameters");
                entry.put("handler", task.compensation().get());
                entry.put("step", path);
                entry.put("prev.$", "$.comp");
                push.put("ResultPath", "$.comp");
                transition(push, task.next());
            } else {
                transition(state, task.next());
            }
        }

        private void awaitCallback(Step.AwaitCallback await, String path, boolean top, ObjectNode states) {
            ObjectNode state = states.putObject(await.name());
            state.put("Type", "Task");
            invocation(state, "callback", await.handler(), await.inputPath(), path, true);
            state.put("ResultPath", dataPath(await.resultPath()));
            state.put("TimeoutSeconds", seconds(await.timeout()));
            await.heartbeat().ifPresent(h -> state.put("HeartbeatSeconds", seconds(h)));
            errorStates.rules(state, await.name(), await.retry(), await.catches(), top, states);
            transition(state, await.next());
        }

        /** Resource and Parameters of a task or callback invocation. */
        private void invocation(ObjectNode state, String kind, String handler, String inputPath, String path,
                boolean callback) {
            ObjectNode message = json.objectNode();
            message.put("kind", kind);
            message.put("handler", handler);
            if (options.dispatch() == TaskDispatch.SQS_WORKER || callback) {
                message.put("token.$", "$$.Task.Token");
            }
            message.put("input.$", dataPath(inputPath));
            message.put("execution.$", "$$.Execution.Name");
            message.put("step", path);
            message.put("attempt.$", "$$.State.RetryCount");
            if (options.dispatch() == TaskDispatch.SQS_WORKER) {
                state.put("Resource", SQS_RESOURCE);
                ObjectNode parameters = state.putObject("Parameters");
                parameters.put("QueueUrl", callback ? options.callbackQueueUrl() : options.taskQueueUrl());
                parameters.set("MessageBody", message);
            } else if (callback) {
                state.put("Resource", LAMBDA_CALLBACK_RESOURCE);
                ObjectNode parameters = state.putObject("Parameters");
                parameters.put("FunctionName", lambdaArn(handler));
                parameters.set("Payload", message);
            } else {
                state.put("Resource", lambdaArn(handler));
                state.set("Parameters", message);
            }
        }

        private String lambdaArn(String handler) {
            String arn = options.lambdaArnForHandler().apply(handler);
            if (arn == null) {
                throw new IllegalArgumentException("no Lambda function ARN for handler '" + handler + "'");
            }
            return arn;
        }

        private void choice(Step.Choice choice, boolean top, ObjectNode states) {
            ObjectNode state = states.putObject(choice.name());
            state.put("Type", "Choice");
            ArrayNode rules = state.putArray("Choices");
            for (Step.ChoiceRule rule : choice.rules()) {
                ObjectNode compiled = AslConditions.of(rule.condition());
                compiled.put("Next", rule.next());
                rules.add(compiled);
            }
            if (choice.otherwise().isPresent()) {
                state.put("Default", choice.otherwise().get());
                return;
            }
            String noMatch = names.name(choice.name(), "nomatch");
            state.put("Default", noMatch);
            String cause = "no rule of choice '" + choice.name() + "' matched and it has no otherwise";
            failure(noMatch, AslErrors.NO_CHOICE_MATCHED, cause, top, states);
        }

        private void parallel(Step.Parallel parallel, String path, boolean top, ObjectNode states) {
            ObjectNode state = states.putObject(parallel.name());
            state.put("Type", "Parallel");
            ArrayNode branches = state.putArray("Branches");
            for (int i = 0; i < parallel.branches().size(); i++) {
                Step.Branch branch = parallel.branches().get(i);
                ObjectNode compiled = branches.addObject();
                compiled.put("StartAt", branch.startAt());
                ObjectNode branchStates = compiled.putObject("States");
                steps(branch.steps(), path + "/" + i + "/", false, branchStates);
            }
            state.put("ResultPath", dataPath(parallel.resultPath()));
            errorStates.rules(state, parallel.name(), parallel.retry(), parallel.catches(), top, states);
            transition(state, parallel.next());
        }

        private void waitState(Step.Wait wait, ObjectNode states) {
            ObjectNode state = states.putObject(wait.name());
            state.put("Type", "Wait");
            if (wait.duration().isPresent()) {
                state.put("Seconds", (int) Math.max(0, ceilSeconds(wait.duration().get())));
            } else if (wait.until().isPresent()) {
                state.put("Timestamp", wait.until().get().toString());
            } else {
                state.put("TimestampPath", dataPath(wait.untilPath().orElseThrow(
                        () -> new IllegalArgumentException("wait step '" + wait.name() + "' has no duration, until or untilPath"))));
            }
            transition(state, wait.next());
        }

        private void failState(Step.Fail fail, boolean top, ObjectNode states) {
            failure(fail.name(), fail.error(), fail.cause(), top, states);
        }

        /** A failure with a static error: a Fail state, or at top level of a saga a Pass into compensation. */
        private void failure(String name, String error, String cause, boolean top, ObjectNode states) {
            ObjectNode state = states.putObject(name);
            if (saga && top) {
                state.put("Type", "Pass");
                state.putObject("Result").put("error", error).put("cause", cause);
                state.put("ResultPath", "$.failure");
                state.put("Next", COMPENSATING);
            } else {
                state.put("Type", "Fail");
                state.put("Error", error);
                state.put("Cause", cause);
            }
        }

        private void transition(ObjectNode state, Optional<String> next) {
            if (next.isPresent()) {
                state.put("Next", next.get());
            } else {
                state.put("OutputPath", "$.data");
                state.put("End", true);
            }
        }
    }

    static int seconds(Duration duration) {
        return (int) Math.max(1, ceilSeconds(duration));
    }

    static long ceilSeconds(Duration duration) {
        long seconds = duration.getSeconds();
        return duration.getNano() > 0 ? seconds + 1 : seconds;
    }
}
