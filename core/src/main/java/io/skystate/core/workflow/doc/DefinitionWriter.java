package io.skystate.core.workflow.doc;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skystate.api.workflow.CatchRule;
import io.skystate.api.workflow.ChoiceCondition;
import io.skystate.api.workflow.RetryRule;
import io.skystate.api.workflow.Step;
import io.skystate.api.workflow.WorkflowDefinition;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Turns a {@link WorkflowDefinition} into the document tree read by {@link DefinitionReader}, omitting defaults. */
final class DefinitionWriter {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DefinitionWriter() {
    }

    static ObjectNode write(WorkflowDefinition definition) {
        ObjectNode root = NODES.objectNode();
        root.put("name", definition.name());
        root.put("version", definition.version());
        root.put("startAt", definition.startAt());
        putDuration(root, "timeout", definition.timeout());
        root.set("steps", steps(definition.steps()));
        return root;
    }

    private static ObjectNode steps(Map<String, Step> steps) {
        ObjectNode node = NODES.objectNode();
        steps.forEach((name, step) -> node.set(name, step(step)));
        return node;
    }

    private static ObjectNode step(Step step) {
        ObjectNode node = NODES.objectNode();
        if (step instanceof Step.Task task) {
            node.put("type", "task");
            node.put("handler", task.handler());
            putPath(node, "inputPath", task.inputPath());
            putPath(node, "resultPath", task.resultPath());
            putString(node, "next", task.next());
            putDuration(node, "timeout", task.timeout());
            putString(node, "compensateWith", task.compensation());
            putRules(node, task.retry(), task.catches());
        } else if (step instanceof Step.AwaitCallback callback) {
            node.put("type", "awaitCallback");
            node.put("handler", callback.handler());
            putPath(node, "inputPath", callback.inputPath());
            putPath(node, "resultPath", callback.resultPath());
            putString(node, "next", callback.next());
            node.put("timeout", callback.timeout().toString());
            putDuration(node, "heartbeat", callback.heartbeat());
            putRules(node, callback.retry(), callback.catches());
        } else if (step instanceof Step.AwaitEvent event) {
            node.put("type", "awaitEvent");
            node.put("event", event.event());
            putPath(node, "resultPath", event.resultPath());
            putString(node, "next", event.next());
            node.put("timeout", event.timeout().toString());
            putRules(node, List.of(), event.catches());
        } else if (step instanceof Step.Choice choice) {
            node.put("type", "choice");
            ArrayNode rules = node.putArray("rules");
            for (Step.ChoiceRule rule : choice.rules()) {
                ObjectNode r = rules.addObject();
                r.set("when", condition(rule.condition()));
                r.put("next", rule.next());
            }
            putString(node, "otherwise", choice.otherwise());
        } else if (step instanceof Step.Parallel parallel) {
            node.put("type", "parallel");
            ArrayNode branches = node.putArray("branches");
            for (Step.Branch branch : parallel.branches()) {
                ObjectNode b = branches.addObject();
                b.put("startAt", branch.startAt());
                b.set("steps", steps(branch.steps()));
            }
            putPath(node, "resultPath", parallel.resultPath());
            putString(node, "next", parallel.next());
            putRules(node, parallel.retry(), parallel.catches());
        } else if (step instanceof Step.Wait wait) {
            node.put("type", "wait");
            putDuration(node, "duration", wait.duration());
            wait.until().ifPresent(until -> node.put("until", until.toString()));
            putString(node, "untilPath", wait.untilPath());
            putString(node, "next", wait.next());
        } else if (step instanceof Step.Succeed) {
            node.put("type", "succeed");
        } else if (step instanceof Step.Fail fail) {
            node.put("type", "fail");
            node.put("error", fail.error());
            node.put("cause", fail.cause());
        } else {
            throw new IllegalArgumentException("unknown step type " + step.getClass().getName());
        }
        return node;
    }

    static ObjectNode condition(ChoiceCondition condition) {
        ObjectNode node = NODES.objectNode();
        if (condition instanceof ChoiceCondition.Compare compare) {
            node.put("path", compare.path());
            node.put("op", compare.operator().name().toLowerCase(Locale.ROOT));
            if (compare.value() instanceof BigDecimal number) {
                node.put("number", number);
            } else if (compare.value() instanceof Boolean bool) {
                node.put("boolean", bool);
            } else {
                node.put("string", (String) compare.value());
            }
        } else if (condition instanceof ChoiceCondition.IsPresent present) {
            node.put("path", present.path());
            node.put("present", present.present());
        } else if (condition instanceof ChoiceCondition.And and) {
            ArrayNode all = node.putArray("and");
            and.all().forEach(c -> all.add(condition(c)));
        } else if (condition instanceof ChoiceCondition.Or or) {
            ArrayNode any = node.putArray("or");
            or.any().forEach(c -> any.add(condition(c)));
        } else if (condition instanceof ChoiceCondition.Not not) {
            node.set("not", condition(not.condition()));
        }
        return node;
    }

    private static void putRules(ObjectNode node, List<RetryRule> retry, List<CatchRule> catches) {
        if (!retry.isEmpty()) {
            ArrayNode list = node.putArray("retry");
            for (RetryRule rule : retry) {
                ObjectNode r = list.addObject();
                putErrors(r, rule.errors());
                r.put("maxAttempts", rule.maxAttempts());
                r.put("interval", rule.interval().toString());
                r.put("backoffRate", rule.backoffRate());
                putDuration(r, "maxInterval", rule.maxInterval());
                if (rule.jitter() != 0.0) {
                    r.put("jitter", rule.jitter());
                }
            }
        }
        if (!catches.isEmpty()) {
            ArrayNode list = node.putArray("catch");
            for (CatchRule rule : catches) {
                ObjectNode c = list.addObject();
                putErrors(c, rule.errors());
                putPath(c, "resultPath", rule.resultPath());
                c.put("next", rule.next());
            }
        }
    }

    private static void putErrors(ObjectNode node, List<String> errors) {
        ArrayNode list = node.putArray("errors");
        errors.forEach(list::add);
    }

    private static void putPath(ObjectNode node, String field, String path) {
        if (!"$".equals(path)) {
            node.put(field, path);
        }
    }

    private static void putString(ObjectNode node, String field, Optional<String> value) {
        value.ifPresent(v -> node.put(field, v));
    }

    private static void putDuration(ObjectNode node, String field, Optional<Duration> value) {
        value.ifPresent(v -> node.put(field, v.toString()));
    }
}
