package io.skystate.core.workflow.doc;

import com.fasterxml.jackson.databind.JsonNode;
import io.skystate.api.workflow.CatchRule;
import io.skystate.api.workflow.ChoiceCondition;
import io.skystate.api.workflow.RetryRule;
import io.skystate.api.workflow.Step;
import io.skystate.api.workflow.WorkflowDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a parsed document tree into a {@link WorkflowDefinition}, gathering every structural problem into one
 * {@link io.skystate.api.workflow.InvalidWorkflowException}. Semantic checks (targets, reachability, paths) are
 * the validator's.
 */
final class DefinitionReader {
    static final List<String> TYPES = List.of("task", "awaitCallback", "awaitEvent", "choice", "parallel", "wait",
            "succeed", "fail");
    private static final List<String> WORKFLOW = List.of("name", "version", "startAt", "timeout", "steps");
    private static final List<String> TASK = List.of("type", "handler", "inputPath", "resultPath", "next", "timeout",
            "compensateWith", "retry", "catch");
    private static final List<String> CALLBACK = List.of("type", "handler", "inputPath", "resultPath", "next",
            "timeout", "heartbeat", "retry", "catch");
    private static final List<String> EVENT = List.of("type", "event", "resultPath", "next", "timeout", "catch");
    private static final List<String> CHOICE = List.of("type", "rules", "otherwise");
    private static final List<String> RULE = List.of("when", "next");
    private static final List<String> PARALLEL = List.of("type", "branches", "resultPath", "next", "retry", "catch");
    private static final List<String> BRANCH = List.of("startAt", "steps");
    private static final List<String> WAIT = List.of("type", "duration", "until", "untilPath", "next");
    private static final List<String> WHEN = List.of("duration", "until", "untilPath");
    private static final List<String> SUCCEED = List.of("type");
    private static final List<String> FAIL = List.of("type", "error", "cause");
    private static final List<String> RETRY = List.of("errors", "maxAttempts", "interval", "backoffRate",
            "maxInterval", "jitter");
    private static final List<String> CATCH = List.of("errors", "resultPath", "next");

    private final Problems problems = new Problems();

    private DefinitionReader() {
    }

    static WorkflowDefinition read(JsonNode root) {
        return new DefinitionReader().definition(root);
    }

    private WorkflowDefinition definition(JsonNode root) {
        Fields f = Fields.of(root, "workflow", problems, WORKFLOW);
        if (f == null) {
            throw problems.exception(null);
        }
        String name = f.requiredString("name");
        Integer version = f.requiredInt("version");
        String startAt = f.requiredString("startAt");
        Optional<Duration> timeout = f.duration("timeout");
        Map<String, Step> steps = steps(f.object("steps", true), "");
        f.finish();
        if (!problems.isEmpty()) {
            throw problems.exception(name);
        }
        return new WorkflowDefinition(name, version, startAt, steps, timeout);
    }

    private Map<String, Step> steps(JsonNode node, String scope) {
        Map<String, Step> steps = new LinkedHashMap<>();
        if (node != null) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                Step step = step(entry.getKey(), entry.getValue(), scope + "step '" + entry.getKey() + "'");
                if (step != null) {
                    steps.put(entry.getKey(), step);
                }
            }
        }
        return steps;
    }

    private Step step(String name, JsonNode node, String context) {
        if (!node.isObject()) {
            problems.add(context, "must be an object with a 'type'");
            return null;
        }
        JsonNode type = node.get("type");
        if (type == null || type.isNull()) {
            problems.add(context, "missing 'type' (one of " + String.join(", ", TYPES) + ")");
            return null;
        }
        return switch (type.asText()) {
            case "task" -> task(name, Fields.of(node, context, problems, TASK));
            case "awaitCallback" -> awaitCallback(name, Fields.of(node, context, problems, CALLBACK));
            case "awaitEvent" -> awaitEvent(name, Fields.of(node, context, problems, EVENT));
            case "choice" -> choice(name, Fields.of(node, context, problems, CHOICE));
            case "parallel" -> parallel(name, Fields.of(node, context, problems, PARALLEL));
            case "wait" -> waitStep(name, Fields.of(node, context, problems, WAIT));
            case "succeed" -> succeed(name, Fields.of(node, context, problems, SUCCEED));
            case "fail" -> fail(name, Fields.of(node, context, problems, FAIL));
            default -> {
                problems.add(context, "unknown type '" + type.asText() + "' (use " + String.join(", ", TYPES) + ")");
                yield null;
            }
        };
    }

    private Step task(String name, Fields f) {
        String handler = f.requiredString("handler");
        String inputPath = f.string("inputPath").orElse("$");
        String resultPath = f.string("resultPath").orElse("$");
        Optional<String> next = f.string("next");
        Optional<Duration> timeout = f.duration("timeout");
        Optional<String> compensation = f.string("compensateWith");
        List<RetryRule> retry = retries(f);
        List<CatchRule> catches = catches(f);
        f.finish();
        return handler == null || retry == null || catches == null ? null
                : new Step.Task(name, handler, inputPath, resultPath, next, retry, catches, timeout, compensation);
    }

    private Step awaitCallback(String name, Fields f) {
        String handler = f.requiredString("handler");
        String inputPath = f.string("inputPath").orElse("$");
        String resultPath = f.string("resultPath").orElse("$");
        Optional<String> next = f.string("next");
        Duration timeout = f.requiredDuration("timeout");
        Optional<Duration> heartbeat = f.duration("heartbeat");
        List<RetryRule> retry = retries(f);
        List<CatchRule> catches = catches(f);
        f.finish();
        return handler == null || timeout == null || retry == null || catches == null ? null
                : new Step.AwaitCallback(name, handler, inputPath, resultPath, next, timeout, heartbeat, retry,
                        catches);
    }

    private Step awaitEvent(String name, Fields f) {
        String event = f.requiredString("event");
        String resultPath = f.string("resultPath").orElse("$");
        Optional<String> next = f.string("next");
        Duration timeout = f.requiredDuration("timeout");
        List<CatchRule> catches = catches(f);
        f.finish();
        return event == null || timeout == null || catches == null ? null
                : new Step.AwaitEvent(name, event, resultPath, next, timeout, catches);
    }

    private Step choice(String name, Fields f) {
        JsonNode rulesNode = f.array("rules", true);
        Optional<String> otherwise = f.string("otherwise");
        f.finish();
        if (rulesNode == null) {
            return null;
        }
        List<Step.ChoiceRule> rules = new ArrayList<>();
        boolean complete = true;
        for (int i = 0; i < rulesNode.size(); i++) {
            Fields r = Fields.of(rulesNode.get(i), f.context() + ": rule " + (i + 1), problems, RULE);
            if (r == null) {
                complete = false;
                continue;
            }
            JsonNode when = r.required("when");
            ChoiceCondition condition = when == null ? null : ConditionReader.read(when, r.context(), problems);
            String next = r.requiredString("next");
            r.finish();
            if (condition == null || next == null) {
                complete = false;
            } else {
                rules.add(new Step.ChoiceRule(condition, next));
            }
        }
        return complete ? new Step.Choice(name, rules, otherwise) : null;
    }

    private Step parallel(String name, Fields f) {
        JsonNode branchesNode = f.array("branches", true);
        String resultPath = f.string("resultPath").orElse("$");
        Optional<String> next = f.string("next");
        List<RetryRule> retry = retries(f);
        List<CatchRule> catches = catches(f);
        f.finish();
        if (branchesNode == null) {
            return null;
        }
        List<Step.Branch> branches = new ArrayList<>();
        boolean complete = true;
        for (int i = 0; i < branchesNode.size(); i++) {
            String context = f.context() + ": branch " + (i + 1);
            Fields b = Fields.of(branchesNode.get(i), context, problems, BRANCH);
            if (b == null) {
                complete = false;
                continue;
            }
            String startAt = b.requiredString("startAt");
            Map<String, Step> steps = steps(b.object("steps", true), context + ": ");
            b.finish();
            if (startAt == null) {
                complete = false;
            } else {
                branches.add(new Step.Branch(startAt, steps));
            }
        }
        return !complete || retry == null || catches == null ? null
                : new Step.Parallel(name, branches, resultPath, next, retry, catches);
    }

    private Step waitStep(String name, Fields f) {
        long given = WHEN.stream().filter(f::has).count();
        if (given != 1) {
            f.problem("needs exactly one of 'duration', 'until' or 'untilPath'");
        }
        Optional<Duration> duration = f.duration("duration");
        Optional<Instant> until = f.instant("until");
        Optional<String> untilPath = f.string("untilPath");
        Optional<String> next = f.string("next");
        f.finish();
        return new Step.Wait(name, duration, until, untilPath, next);
    }

    private Step succeed(String name, Fields f) {
        f.finish();
        return new Step.Succeed(name);
    }

    private Step fail(String name, Fields f) {
        String error = f.requiredString("error");
        String cause = f.requiredString("cause");
        f.finish();
        return error == null || cause == null ? null : new Step.Fail(name, error, cause);
    }

    /** The step's retry rules, or null after a problem. */
    private List<RetryRule> retries(Fields f) {
        JsonNode list = f.array("retry", false);
        if (list == null) {
            return f.has("retry") ? null : List.of();
        }
        List<RetryRule> rules = new ArrayList<>();
        boolean complete = true;
        for (int i = 0; i < list.size(); i++) {
            Fields r = Fields.of(list.get(i), f.context() + ": retry " + (i + 1), problems, RETRY);
            if (r == null) {
                complete = false;
                continue;
            }
            List<String> errors = r.strings("errors", true);
            Integer maxAttempts = r.requiredInt("maxAttempts");
            Duration interval = r.requiredDuration("interval");
            double backoffRate = r.number("backoffRate", 2.0);
            Optional<Duration> maxInterval = r.duration("maxInterval");
            double jitter = r.number("jitter", 0.0);
            r.finish();
            if (errors == null || maxAttempts == null || interval == null) {
                complete = false;
            } else {
                rules.add(new RetryRule(errors, maxAttempts, interval, backoffRate, maxInterval, jitter));
            }
        }
        return complete ? rules : null;
    }

    /** The step's catch rules, or null after a problem. */
    private List<CatchRule> catches(Fields f) {
        JsonNode list = f.array("catch", false);
        if (list == null) {
            return f.has("catch") ? null : List.of();
        }
        List<CatchRule> rules = new ArrayList<>();
        boolean complete = true;
        for (int i = 0; i < list.size(); i++) {
            Fields c = Fields.of(list.get(i), f.context() + ": catch " + (i + 1), problems, CATCH);
            if (c == null) {
                complete = false;
                continue;
            }
            List<String> errors = c.strings("errors", true);
            String resultPath = c.string("resultPath").orElse("$");
            String next = c.requiredString("next");
            c.finish();
            if (errors == null || next == null) {
                complete = false;
            } else {
                rules.add(new CatchRule(errors, resultPath, next));
            }
        }
        return complete ? rules : null;
    }
}
