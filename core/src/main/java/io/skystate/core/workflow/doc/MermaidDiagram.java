package io.skystate.core.workflow.doc;

import io.skystate.api.workflow.CatchRule;
import io.skystate.api.workflow.ChoiceCondition;
import io.skystate.api.workflow.RetryRule;
import io.skystate.api.workflow.Step;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.api.workflow.WorkflowErrors;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Renders a workflow as a Mermaid {@code stateDiagram-v2}: steps are states (named by their step name, or
 * {@code state "name" as id} when the name is not a plain identifier or is taken), choices are {@code <<choice>>}
 * states with edges labelled by their conditions, parallel steps composite states with one region per branch,
 * and retries, callbacks, awaited events and compensations notes. Labels are kept to characters Mermaid reads literally.
 */
public final class MermaidDiagram {
    private static final int MAX_LABEL = 60;
    /** Words Mermaid's state lexer takes as keywords (compared in lower case; it is case-insensitive). */
    private static final Set<String> RESERVED = Set.of("end", "state", "note", "direction", "as", "class", "classdef",
            "style", "click", "default", "left", "right", "of", "choice", "fork", "join", "scale", "hide",
            "acctitle", "accdescr");
    /** The lexer's {@code direction TB} rule matches anywhere in a line. */
    private static final Pattern DIRECTION = Pattern.compile("(?i)(direction)\\s+(tb|bt|rl|lr)");

    private final StringBuilder out = new StringBuilder();
    private final Set<String> usedIds = new HashSet<>();

    private MermaidDiagram() {
    }

    public static String of(WorkflowDefinition definition) {
        MermaidDiagram diagram = new MermaidDiagram();
        diagram.out.append("stateDiagram-v2\n");
        diagram.scope(definition.startAt(), definition.steps(), "    ");
        return diagram.out.toString();
    }

    /** One level of steps (the workflow, or a branch inside a composite state). */
    private void scope(String startAt, Map<String, Step> steps, String indent) {
        Map<String, String> ids = new HashMap<>();
        steps.keySet().forEach(name -> ids.put(name, allocate(name)));
        for (Map.Entry<String, Step> entry : steps.entrySet()) {
            String id = ids.get(entry.getKey());
            if (entry.getValue() instanceof Step.Choice) {
                line(indent, "state " + id + " <<choice>>");
            } else if (!id.equals(entry.getKey())) {
                String display = DIRECTION.matcher(entry.getKey().replace('"', '\'').replaceAll("[\\r\\n]+", " "))
                        .replaceAll("$1_$2");
                line(indent, "state \"" + display + "\" as " + id);
            }
        }
        line(indent, "[*] --> " + id(ids, startAt));
        for (Map.Entry<String, Step> entry : steps.entrySet()) {
            step(ids.get(entry.getKey()), entry.getValue(), ids, indent);
        }
    }

    private void step(String id, Step step, Map<String, String> ids, String indent) {
        if (step instanceof Step.Task task) {
            edge(indent, id, task.next(), ids, null);
            catches(indent, id, task.catches(), ids);
            List<String> notes = new ArrayList<>();
            task.timeout().ifPresent(t -> notes.add("timeout " + t));
            retry(task.retry()).ifPresent(notes::add);
            note(indent, "right", id, notes);
            task.compensation().ifPresent(c -> note(indent, "left", id, List.of("compensate with " + c)));
        } else if (step instanceof Step.AwaitCallback callback) {
            edge(indent, id, callback.next(), ids, null);
            catches(indent, id, callback.catches(), ids);
            List<String> notes = new ArrayList<>();
            notes.add("waits for callback (timeout " + callback.timeout()
                    + callback.heartbeat().map(h -> ", heartbeat " + h).orElse("") + ")");
            retry(callback.retry()).ifPresent(notes::add);
            note(indent, "right", id, notes);
        } else if (step instanceof Step.AwaitEvent event) {
            edge(indent, id, event.next(), ids, null);
            catches(indent, id, event.catches(), ids);
            note(indent, "right", id, List.of("waits for event " + event.event() + " (timeout " + event.timeout() + ")"));
        } else if (step instanceof Step.Choice choice) {
            for (Step.ChoiceRule rule : choice.rules()) {
                line(indent, id + " --> " + id(ids, rule.next()) + " : " + label(condition(rule.condition(), true)));
            }
            choice.otherwise().ifPresent(o -> line(indent, id + " --> " + id(ids, o) + " : otherwise"));
        } else if (step instanceof Step.Parallel parallel) {
            composite(id, parallel.branches(), indent);
            edge(indent, id, parallel.next(), ids, null);
            catches(indent, id, parallel.catches(), ids);
            retry(parallel.retry()).ifPresent(r -> note(indent, "right", id, List.of(r)));
        } else if (step instanceof Step.Wait wait) {
            String label = wait.duration().map(d -> "wait " + d)
                    .or(() -> wait.until().map(u -> "wait until " + u))
                    .or(() -> wait.untilPath().map(p -> "wait until " + p))
                    .orElse("wait");
            edge(indent, id, wait.next(), ids, label);
        } else if (step instanceof Step.Succeed) {
            line(indent, id + " --> [*]");
        } else if (step instanceof Step.Fail fail) {
            line(indent, id + " --> [*] : " + label("fail " + fail.error()));
        }
    }

    /** A parallel step: a composite state with one region per branch (an empty one would not parse). */
    private void composite(String id, List<Step.Branch> branches, String indent) {
        if (branches.isEmpty()) {
            return;
        }
        line(indent, "state " + id + " {");
        String inner = indent + "    ";
        for (int i = 0; i < branches.size(); i++) {
            if (i > 0) {
                line(inner, "--");
            }
            Step.Branch branch = branches.get(i);
            scope(branch.startAt(), branch.steps(), inner);
        }
        line(indent, "}");
    }

    private void edge(String indent, String from, Optional<String> next, Map<String, String> ids, String label) {
        String target = next.map(n -> id(ids, n)).orElse("[*]");
        line(indent, from + " --> " + target + (label == null ? "" : " : " + label(label)));
    }

    private void catches(String indent, String from, List<CatchRule> catches, Map<String, String> ids) {
        for (CatchRule rule : catches) {
            String label = label("catch " + String.join(", ", rule.errors()));
            line(indent, from + " --> " + id(ids, rule.next()) + " : " + label);
        }
    }

    private void note(String indent, String side, String id, List<String> notes) {
        if (!notes.isEmpty()) {
            line(indent, "note " + side + " of " + id + " : " + label(String.join(", ", notes)));
        }
    }

    private static Optional<String> retry(List<RetryRule> rules) {
        if (rules.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("retry " + rules.stream()
                .map(r -> r.maxAttempts() + "x" + (r.errors().equals(List.of(WorkflowErrors.ALL))
                        ? "" : " on " + String.join(" ", r.errors())))
                .collect(Collectors.joining(", ")));
    }

    /** A short rendering: {@code $.total > 100}, {@code $.vip == true and not $.blocked present}. */
    static String condition(ChoiceCondition condition, boolean top) {
        String text;
        if (condition instanceof ChoiceCondition.Compare compare) {
            Object value = compare.value();
            String rendered = value instanceof BigDecimal number ? number.toPlainString() : String.valueOf(value);
            return compare.path() + " " + operator(compare.operator()) + " " + rendered;
        } else if (condition instanceof ChoiceCondition.IsPresent present) {
            return present.path() + (present.present() ? " present" : " absent");
        } else if (condition instanceof ChoiceCondition.And and) {
            text = and.all().stream().map(c -> condition(c, false)).collect(Collectors.joining(" and "));
        } else if (condition instanceof ChoiceCondition.Or or) {
            text = or.any().stream().map(c -> condition(c, false)).collect(Collectors.joining(" or "));
        } else {
            return "not " + condition(((ChoiceCondition.Not) condition).condition(), false);
        }
        return top ? text : "(" + text + ")";
    }

    private static String operator(ChoiceCondition.Operator operator) {
        return switch (operator) {
            case EQ -> "==";
            case LT -> "<";
            case LE -> "<=";
            case GT -> ">";
            case GE -> ">=";
        };
    }

    /** Label text Mermaid reads literally: no colons, quotes, semicolons, hashes, braces or line breaks. */
    static String label(String text) {
        String clean = text.replace(':', '.').replace('"', '\'').replace('`', '\'').replace(';', ',')
                .replace('#', ' ').replace('{', '(').replace('}', ')').replaceAll("[\\r\\n\\t]+", " ").strip();
        clean = DIRECTION.matcher(clean).replaceAll("$1_$2");
        return clean.length() <= MAX_LABEL ? clean : clean.substring(0, MAX_LABEL - 3) + "...";
    }

    /** The id of a step referenced from this scope; a missing step gets one too (the validator reports it). */
    private String id(Map<String, String> ids, String name) {
        return ids.computeIfAbsent(name, this::allocate);
    }

    private String allocate(String name) {
        String base = name.replaceAll("[^A-Za-z0-9_]", "_");
        if (base.isEmpty() || Character.isDigit(base.charAt(0))) {
            base = "s_" + base;
        }
        // "default" is matched as a keyword even as the prefix of a longer word
        if (base.toLowerCase(Locale.ROOT).startsWith("default")) {
            base = "s_" + base;
        } else if (RESERVED.contains(base.toLowerCase(Locale.ROOT))) {
            base = base + "_";
        }
        String id = base;
        for (int n = 2; !usedIds.add(id); n++) {
            id = base + "_" + n;
        }
        return id;
    }

    private void line(String indent, String text) {
        out.append(indent).append(text).append('\n');
    }
}
