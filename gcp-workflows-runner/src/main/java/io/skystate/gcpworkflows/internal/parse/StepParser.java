package io.skystate.gcpworkflows.internal.parse;

import io.skystate.gcpworkflows.internal.expr.Expr;
import io.skystate.gcpworkflows.internal.expr.ExpressionParser;
import io.skystate.gcpworkflows.internal.expr.ExpressionSyntaxException;
import io.skystate.gcpworkflows.internal.model.Location;
import io.skystate.gcpworkflows.internal.model.Step;
import io.skystate.gcpworkflows.internal.model.StepBody;
import io.skystate.gcpworkflows.internal.model.StepList;
import io.skystate.gcpworkflows.internal.model.ValueTemplate;
import io.skystate.gcpworkflows.internal.yaml.YamlNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses {@code steps} lists and the step kinds of https://cloud.google.com/workflows/docs/reference/syntax:
 * assign, call, switch, raise, return, nested steps and next (for, parallel and try are delegated to
 * {@link BlockParser}). Reports every problem instead of stopping at the first. Not thread-safe.
 */
final class StepParser {
    /** The maximum number of assignments in one assign step (https://cloud.google.com/workflows/quotas). */
    static final int MAX_ASSIGNMENTS = 50;
    /** The maximum number of conditions in one switch step (https://cloud.google.com/workflows/quotas). */
    static final int MAX_CONDITIONS = 50;
    static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final List<String> KINDS = List.of("assign", "call", "switch", "for", "parallel", "try", "raise",
            "return", "steps");

    final Problems problems;
    final Templates templates;
    final CallParser calls;
    private final BlockParser blocks;

    StepParser(Problems problems, Templates templates, CallParser calls) {
        this.problems = problems;
        this.templates = templates;
        this.calls = calls;
        this.blocks = new BlockParser(this);
    }

    /** A {@code steps} list; {@code where} is the location of the list itself (for example {@code main.steps}). */
    StepList steps(YamlNode node, Location where) {
        List<Step> steps = new ArrayList<>();
        if (!(node instanceof YamlNode.Sequence sequence) || sequence.items().isEmpty()) {
            problems.invalid(where, "steps must be a non-empty list of steps");
            return new StepList(steps);
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < sequence.items().size(); i++) {
            YamlNode item = sequence.items().get(i);
            Location at = where.child("[" + i + "]", item.line(), item.column());
            if (!(item instanceof YamlNode.Mapping mapping) || mapping.entries().size() != 1) {
                problems.invalid(at, "a step must be a map with exactly one key, the step name");
                continue;
            }
            String name = mapping.entries().keySet().iterator().next();
            YamlNode body = mapping.get(name);
            Location stepAt = new Location(at.path() + "." + name, at.line(), at.column());
            if (!names.add(name)) {
                problems.invalid(stepAt, "duplicate step name '" + name + "' in the same steps list");
            }
            steps.add(step(name, body, stepAt));
        }
        return new StepList(steps);
    }

    private Step step(String name, YamlNode node, Location at) {
        if (!(node instanceof YamlNode.Mapping mapping)) {
            problems.invalid(at, "the body of step '" + name + "' must be a map");
            return new Step(name, at, null, null);
        }
        String next = null;
        YamlNode nextNode = mapping.get("next");
        if (nextNode != null) {
            next = name(nextNode, at.child(".next", nextNode.line(), nextNode.column()), "next");
        }
        StepBody body = body(mapping, at, true);
        return new Step(name, at, body, next);
    }

    /**
     * The body of a step, of a {@code try} block or of a switch condition: exactly one kind key plus the keys that
     * kind allows ({@code next} only where {@code allowNext}).
     */
    StepBody body(YamlNode.Mapping mapping, Location at, boolean allowNext) {
        List<String> kinds = new LinkedList<>();
        for (String key : mapping.entries().keySet()) {
            if (KINDS.contains(key)) {
                kinds.add(key);
            }
        }
        if (kinds.size() > 1) {
            problems.invalid(at, "a step can have only one of " + KINDS + ", found " + kinds);
            return null;
        }
        String kind = kinds.isEmpty() ? null : kinds.get(0);
        checkKeys(mapping, at, kind, allowNext);
        if (kind == null) {
            if (!allowNext || mapping.get("next") == null) {
                problems.invalid(at, "a step needs one of " + KINDS + " or next");
            }
            return null;
        }
        YamlNode value = mapping.get(kind);
        Location where = at.child("." + kind, value.line(), value.column());
        switch (kind) {
            case "assign":
                return assign(value, where);
            case "call":
                return calls.call(mapping, at);
            case "switch":
                return switchStep(value, where);
            case "raise":
                return new StepBody.Raise(templates.template(value, where));
            case "return":
                return new StepBody.Return(templates.template(value, where));
            case "steps":
                return new StepBody.Steps(steps(value, where));
            default:
                return blocks.parse(kind, mapping, at);
        }
    }

    private void checkKeys(YamlNode.Mapping mapping, Location at, String kind, boolean allowNext) {
        Set<String> allowed = new HashSet<>();
        if (kind != null) {
            allowed.add(kind);
        }
        if (allowNext && !"raise".equals(kind) && !"return".equals(kind)) {
            allowed.add("next");
        }
        if ("call".equals(kind)) {
            allowed.addAll(List.of("args", "result"));
        } else if ("try".equals(kind)) {
            allowed.addAll(List.of("retry", "except"));
        }
        for (String key : mapping.entries().keySet()) {
            if (!allowed.contains(key)) {
                YamlNode value = mapping.get(key);
                Location where = at.child("." + key, value.line(), value.column());
                if (List.of("args", "result", "retry", "except").contains(key) || key.equals("next")) {
                    problems.invalid(where, "'" + key + "' is not allowed in a " + (kind == null ? "" : kind + " ")
                            + "step here");
                } else {
                    problems.unsupported(where, "'" + key + "' (unknown step key)");
                }
            }
        }
    }

    private StepBody assign(YamlNode node, Location at) {
        List<StepBody.Assignment> assignments = new ArrayList<>();
        if (!(node instanceof YamlNode.Sequence sequence) || sequence.items().isEmpty()) {
            problems.invalid(at, "assign must be a non-empty list of 'name: value' entries");
            return new StepBody.Assign(assignments);
        }
        if (sequence.items().size() > MAX_ASSIGNMENTS) {
            problems.invalid(at, "an assign step has at most " + MAX_ASSIGNMENTS + " assignments, found "
                    + sequence.items().size());
        }
        for (int i = 0; i < sequence.items().size(); i++) {
            YamlNode item = sequence.items().get(i);
            Location where = at.child("[" + i + "]", item.line(), item.column());
            if (!(item instanceof YamlNode.Mapping mapping) || mapping.entries().size() != 1) {
                problems.invalid(where, "each assignment must be a map with one 'target: value' entry");
                continue;
            }
            String target = mapping.entries().keySet().iterator().next();
            StepBody.Assignment assignment = assignment(target, mapping.get(target), where);
            if (assignment != null) {
                assignments.add(assignment);
            }
        }
        return new StepBody.Assign(assignments);
    }

    private StepBody.Assignment assignment(String target, YamlNode value, Location at) {
        Expr expr;
        try {
            expr = ExpressionParser.parse(target);
        } catch (ExpressionSyntaxException e) {
            problems.invalid(at, "assignment target '" + target + "' is malformed: " + e.getMessage());
            return null;
        }
        List<StepBody.PathSegment> path = new LinkedList<>();
        while (expr instanceof Expr.Member || expr instanceof Expr.Index) {
            if (expr instanceof Expr.Member member) {
                path.add(0, new StepBody.Key(member.name()));
                expr = member.target();
            } else {
                Expr.Index index = (Expr.Index) expr;
                templates.checker().check(index.index(), at);
                path.add(0, new StepBody.IndexOf(index.index()));
                expr = index.target();
            }
        }
        if (!(expr instanceof Expr.Variable variable)) {
            problems.invalid(at, "assignment target '" + target + "' must be a variable, optionally with keys and "
                    + "indexes");
            return null;
        }
        ValueTemplate template = templates.template(value, at.child("." + target, value.line(), value.column()));
        return new StepBody.Assignment(variable.name(), path, template, at);
    }

    private StepBody switchStep(YamlNode node, Location at) {
        List<StepBody.Condition> conditions = new ArrayList<>();
        if (!(node instanceof YamlNode.Sequence sequence) || sequence.items().isEmpty()) {
            problems.invalid(at, "switch must be a non-empty list of conditions");
            return new StepBody.Switch(conditions);
        }
        if (sequence.items().size() > MAX_CONDITIONS) {
            problems.invalid(at, "a switch step has at most " + MAX_CONDITIONS + " conditions, found "
                    + sequence.items().size());
        }
        for (int i = 0; i < sequence.items().size(); i++) {
            YamlNode item = sequence.items().get(i);
            Location where = at.child("[" + i + "]", item.line(), item.column());
            if (!(item instanceof YamlNode.Mapping mapping) || mapping.get("condition") == null) {
                problems.invalid(where, "each switch entry must be a map with a 'condition'");
                continue;
            }
            YamlNode conditionNode = mapping.get("condition");
            ValueTemplate condition = templates.template(conditionNode,
                    where.child(".condition", conditionNode.line(), conditionNode.column()));
            YamlNode.Mapping rest = without(mapping, "condition");
            YamlNode nextNode = mapping.get("next");
            String next = nextNode == null ? null
                    : name(nextNode, where.child(".next", nextNode.line(), nextNode.column()), "next");
            StepBody body = rest.entries().isEmpty() || rest.entries().keySet().equals(Set.of("next")) ? null
                    : body(without(rest, "next"), where, false);
            if (body == null && next == null) {
                problems.invalid(where, "a switch condition needs next, steps, assign, call, return or raise");
            }
            conditions.add(new StepBody.Condition(condition, body, next, where));
        }
        return new StepBody.Switch(conditions);
    }

    private static YamlNode.Mapping without(YamlNode.Mapping source, String key) {
        java.util.LinkedHashMap<String, YamlNode> entries = new java.util.LinkedHashMap<>(source.entries());
        entries.remove(key);
        return new YamlNode.Mapping(entries, source.line(), source.column());
    }

    /** A plain name (a step name or variable name), or null after reporting a problem. */
    String name(YamlNode node, Location at, String what) {
        if (node instanceof YamlNode.Scalar scalar && scalar.value() instanceof String text && !text.isBlank()) {
            return text;
        }
        problems.invalid(at, what + " must be a name");
        return null;
    }

    /** A variable name, or null after reporting a problem. */
    String variableName(YamlNode node, Location at, String what) {
        String text = name(node, at, what);
        if (text != null && !NAME.matcher(text).matches()) {
            problems.invalid(at, what + " '" + text + "' is not a valid variable name");
            return null;
        }
        return text;
    }
}
