package io.skystate.aws.internal.asl;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skystate.api.workflow.WorkflowErrors;
import io.skystate.api.workflow.CatchRule;
import io.skystate.api.workflow.RetryRule;
import java.util.List;
import java.util.function.Function;

/**
 * Retry and Catch of a state, and the generated states around errors: the chain that turns an ASL error into the portable
 * {@code {"error", "cause"}} shape (with timeouts renamed), and a saga's compensation ending.
 */
final class AslErrorStates {
    /** The portable errors no rule may retry or catch. */
    private static final List<String> FATAL = List.of(WorkflowErrors.TRANSITION_LIMIT, WorkflowErrors.DATA_ERROR);

    private final StateNames names;
    private final AslOptions options;
    private final Function<String, String> lambdaArn;
    private final boolean saga;

    AslErrorStates(StateNames names, AslOptions options, Function<String, String> lambdaArn, boolean saga) {
        this.names = names;
        this.options = options;
        this.lambdaArn = lambdaArn;
        this.saga = saga;
    }

    /**
     * The Retry and Catch of a state; at the top level of a saga a final catch-all leads into compensation. The
     * portable fatal errors ({@link WorkflowErrors#isFatal}) come first in both lists, so no rule, not even
     * {@code States.ALL}, retries or catches them: a first retrier with {@code MaxAttempts 0}, and a first catcher
     * into a generated Fail state that re-raises the error and cause.
     */
    void rules(ObjectNode state, String step, List<RetryRule> retry, List<CatchRule> catches,
            boolean top, ObjectNode states) {
        ArrayNode retriers = JsonNodeFactory.instance.arrayNode();
        if (!retry.isEmpty()) {
            ObjectNode never = retriers.addObject();
            values(never.putArray("ErrorEquals"), FATAL);
            never.put("MaxAttempts", 0);
        }
        for (RetryRule rule : retry) {
            List<String> errors = AslErrors.errorEquals(rule.errors());
            ObjectNode retrier = retriers.addObject();
            values(retrier.putArray("ErrorEquals"), errors);
            retrier.put("IntervalSeconds", AslCompiler.seconds(rule.interval()));
            retrier.put("MaxAttempts", Math.max(0, rule.maxAttempts() - 1));
            retrier.put("BackoffRate", Math.max(1.0, rule.backoffRate()));
            rule.maxInterval().ifPresent(m -> retrier.put("MaxDelaySeconds", AslCompiler.seconds(m)));
            if (rule.jitter() >= 1.0) {
                retrier.put("JitterStrategy", "FULL");
            }
            if (errors.contains(AslErrors.STATES_ALL)) {
                break;
            }
        }
        if (!retriers.isEmpty()) {
            state.set("Retry", retriers);
        }
        ArrayNode catchers = JsonNodeFactory.instance.arrayNode();
        boolean catchesAll = false;
        for (int i = 0; i < catches.size(); i++) {
            CatchRule rule = catches.get(i);
            List<String> errors = AslErrors.errorEquals(rule.errors());
            String entry = names.name(step, "catch" + i);
            ObjectNode catcher = catchers.addObject();
            values(catcher.putArray("ErrorEquals"), errors);
            catcher.put("ResultPath", "$.caught");
            catcher.put("Next", entry);
            boolean timeouts = errors.contains(AslErrors.STATES_ALL) || errors.contains(AslErrors.STATES_TIMEOUT);
            chain(entry, timeouts, AslCompiler.dataPath(rule.resultPath()), rule.next(), states);
            if (errors.contains(AslErrors.STATES_ALL)) {
                catchesAll = true;
                break;
            }
        }
        if (saga && top && !catchesAll) {
            ObjectNode catcher = catchers.addObject();
            catcher.putArray("ErrorEquals").add(AslErrors.STATES_ALL);
            catcher.put("ResultPath", "$.caught");
            catcher.put("Next", AslCompiler.FAILURE);
        }
        if (!catchers.isEmpty()) {
            String fatal = names.name(step, "fatal");
            ObjectNode reraise = JsonNodeFactory.instance.objectNode();
            values(reraise.putArray("ErrorEquals"), FATAL);
            reraise.put("ResultPath", "$.caught");
            reraise.put("Next", fatal);
            catchers.insert(0, reraise);
            ObjectNode fail = states.putObject(fatal);
            fail.put("Type", "Fail");
            fail.put("ErrorPath", "$.caught.Error");
            fail.put("CausePath", "$.caught.Cause");
            state.set("Catch", catchers);
        }
    }

    private static void values(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    /**
     * States from {@code entry} that turn the ASL error at {@code $.caught} into {@code {"error","cause"}} at
     * {@code resultPath} (an ASL path) and go to {@code next}.
     */
    void chain(String entry, boolean timeouts, String resultPath, String next, ObjectNode states) {
        ObjectNode merge = states.putObject(entry);
        merge.put("Type", "Pass");
        merge.putObject("Parameters").put("m.$", "States.JsonMerge($.blank, $.caught, false)");
        merge.put("ResultPath", "$.caught");
        String error = names.shorten(entry + "_error");
        if (timeouts) {
            String kind = names.shorten(entry + "_kind");
            String timeout = names.shorten(entry + "_timeout");
            merge.put("Next", kind);
            ObjectNode choice = states.putObject(kind);
            choice.put("Type", "Choice");
            ObjectNode rule = choice.putArray("Choices").addObject();
            ArrayNode any = rule.putArray("Or");
            any.addObject().put("Variable", "$.caught.m.Error").put("StringEquals", AslErrors.STATES_TIMEOUT);
            any.addObject().put("Variable", "$.caught.m.Error").put("StringEquals", AslErrors.STATES_HEARTBEAT_TIMEOUT);
            rule.put("Next", timeout);
            choice.put("Default", error);
            ObjectNode timedOut = states.putObject(timeout);
            timedOut.put("Type", "Pass");
            timedOut.putObject("Parameters").put("error", WorkflowErrors.TIMEOUT).put("cause.$", "$.caught.m.Cause");
            timedOut.put("ResultPath", resultPath);
            timedOut.put("Next", next);
        } else {
            merge.put("Next", error);
        }
        ObjectNode write = states.putObject(error);
        write.put("Type", "Pass");
        write.putObject("Parameters").put("error.$", "$.caught.m.Error").put("cause.$", "$.caught.m.Cause");
        write.put("ResultPath", resultPath);
        write.put("Next", next);
    }

    void sagaStates(ObjectNode states) {
        chain(AslCompiler.FAILURE, true, "$.failure", AslCompiler.COMPENSATING, states);
        ObjectNode check = states.putObject(AslCompiler.COMPENSATING);
        check.put("Type", "Choice");
        check.putArray("Choices").addObject().put("Variable", "$.comp.handler").put("IsPresent", true)
                .put("Next", AslCompiler.COMPENSATE);
        check.put("Default", AslCompiler.FAILED);

        ObjectNode compensate = states.putObject(AslCompiler.COMPENSATE);
        compensate.put("Type", "Task");
        ObjectNode message = JsonNodeFactory.instance.objectNode();
        message.put("kind", "compensate");
        if (options.dispatch() == TaskDispatch.SQS_WORKER) {
            message.put("token.$", "$$.Task.Token");
        }
        message.put("execution.$", "$$.Execution.Name");
        message.put("instance.$", "$.run");
        message.put("log.$", "$.comp");
        message.put("data.$", "$.data");
        message.put("error.$", "$.failure.error");
        message.put("cause.$", "$.failure.cause");
        if (options.dispatch() == TaskDispatch.SQS_WORKER) {
            compensate.put("Resource", AslCompiler.SQS_RESOURCE);
            ObjectNode parameters = compensate.putObject("Parameters");
            parameters.put("QueueUrl", options.taskQueueUrl());
            parameters.set("MessageBody", message);
            compensate.put("TimeoutSeconds", AslCompiler.COMPENSATE_TIMEOUT_SECONDS);
        } else {
            compensate.put("Resource", lambdaArn.apply(AslCompiler.COMPENSATOR_HANDLER));
            compensate.set("Parameters", message);
            compensate.put("TimeoutSeconds", 900);
        }
        compensate.put("ResultPath", (String) null);
        ObjectNode retry = compensate.putArray("Retry").addObject();
        retry.putArray("ErrorEquals").add(AslErrors.STATES_ALL);
        retry.put("IntervalSeconds", 2).put("MaxAttempts", 2).put("BackoffRate", 2.0);
        ObjectNode lost = compensate.putArray("Catch").addObject();
        lost.putArray("ErrorEquals").add(AslErrors.STATES_ALL);
        lost.put("ResultPath", (String) null);
        lost.put("Next", AslCompiler.FAILED);
        compensate.put("Next", AslCompiler.FAILED);

        ObjectNode failed = states.putObject(AslCompiler.FAILED);
        failed.put("Type", "Fail");
        failed.put("ErrorPath", "$.failure.error");
        failed.put("CausePath", "$.failure.cause");
    }
}
