package io.skystate.gcpworkflows.internal.parse;

import io.skystate.gcpworkflows.InvalidWorkflowException;
import io.skystate.gcpworkflows.Problem;
import io.skystate.gcpworkflows.internal.model.Location;
import io.skystate.gcpworkflows.internal.model.Program;
import io.skystate.gcpworkflows.internal.model.Routine;
import io.skystate.gcpworkflows.internal.model.StepList;
import io.skystate.gcpworkflows.internal.value.Values;
import io.skystate.gcpworkflows.internal.yaml.YamlNode;
import io.skystate.gcpworkflows.internal.yaml.YamlReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses and validates a workflow source (YAML or JSON) into a {@link Program}, or reports every problem. Accepts
 * the simple form (a list of steps) and the form with {@code main} and subworkflows
 * (https://cloud.google.com/workflows/docs/reference/syntax/subworkflows), where {@code main} takes at most one
 * parameter (https://cloud.google.com/workflows/docs/reference/syntax/runtime-arguments). Stateless and
 * thread-safe.
 */
public final class ProgramParser {
    /** The maximum source size (https://cloud.google.com/workflows/quotas). */
    public static final int MAX_SOURCE_BYTES = 128 * 1024;

    private ProgramParser() {
    }

    /** The program, or an {@link InvalidWorkflowException} listing every problem. */
    public static Program parse(String source) {
        Problems problems = new Problems();
        Program program = parse(source, problems);
        problems.throwIfAny();
        return program;
    }

    /** Every problem of the source; empty when it can run. */
    public static List<Problem> check(String source) {
        Problems problems = new Problems();
        parse(source, problems);
        return problems.list();
    }

    private static Program parse(String source, Problems problems) {
        Location top = new Location("workflow", 1, 1);
        if (Values.utf8Length(source) > MAX_SOURCE_BYTES) {
            problems.invalid(top, "the source is larger than " + MAX_SOURCE_BYTES + " bytes");
            return null;
        }
        YamlNode root;
        try {
            root = YamlReader.read(source);
        } catch (YamlReader.SyntaxException e) {
            problems.invalid(new Location("workflow", e.line(), e.column()), e.getMessage());
            return null;
        }
        Map<String, YamlNode.Mapping> definitions = new LinkedHashMap<>();
        if (root instanceof YamlNode.Sequence) {
            LinkedHashMap<String, YamlNode> main = new LinkedHashMap<>();
            main.put("steps", root);
            definitions.put("main", new YamlNode.Mapping(main, root.line(), root.column()));
        } else if (root instanceof YamlNode.Mapping mapping) {
            mapping.entries().forEach((name, node) -> {
                if (node instanceof YamlNode.Mapping definition) {
                    definitions.put(name, definition);
                } else {
                    problems.invalid(new Location(name, node.line(), node.column()),
                            "a workflow definition must be a map with params and steps");
                }
            });
        } else {
            problems.invalid(top, "a workflow is a list of steps or a map of workflow definitions");
            return null;
        }
        if (!definitions.containsKey("main")) {
            problems.invalid(top, "the workflow has no 'main' definition");
        }
        Map<String, List<Routine.Param>> params = new LinkedHashMap<>();
        ExpressionChecker checker = new ExpressionChecker(problems, params);
        Templates templates = new Templates(problems, checker);
        definitions.forEach((name, definition) -> params.put(name, params(name, definition, templates, problems)));
        StepParser steps = new StepParser(problems, templates, new CallParser(problems, templates, params));
        Map<String, Routine> routines = new LinkedHashMap<>();
        definitions.forEach((name, definition) -> {
            Location at = new Location(name, definition.line(), definition.column());
            for (String key : definition.entries().keySet()) {
                if (!key.equals("params") && !key.equals("steps")) {
                    YamlNode value = definition.get(key);
                    problems.unsupported(at.child("." + key, value.line(), value.column()), "'" + key
                            + "' (workflow definitions have params and steps)");
                }
            }
            YamlNode list = definition.get("steps");
            StepList stepList = list == null ? new StepList(List.of())
                    : steps.steps(list, at.child(".steps", list.line(), list.column()));
            if (list == null) {
                problems.invalid(at, "workflow definition '" + name + "' has no steps");
            }
            routines.put(name, new Routine(name, params.get(name), stepList, at));
        });
        Program program = new Program(routines);
        new JumpValidator(problems).validate(program);
        return program;
    }

    private static List<Routine.Param> params(String routine, YamlNode.Mapping definition, Templates templates,
                                              Problems problems) {
        List<Routine.Param> params = new ArrayList<>();
        YamlNode node = definition.get("params");
        if (node == null) {
            return params;
        }
        Location at = new Location(routine + ".params", node.line(), node.column());
        if (!(node instanceof YamlNode.Sequence sequence)) {
            problems.invalid(at, "params must be a list");
            return params;
        }
        for (YamlNode item : sequence.items()) {
            if (item instanceof YamlNode.Scalar scalar && scalar.value() instanceof String name
                    && StepParser.NAME.matcher(name).matches()) {
                params.add(new Routine.Param(name, null));
            } else if (item instanceof YamlNode.Mapping mapping && mapping.entries().size() == 1
                    && StepParser.NAME.matcher(mapping.entries().keySet().iterator().next()).matches()) {
                String name = mapping.entries().keySet().iterator().next();
                YamlNode value = mapping.get(name);
                params.add(new Routine.Param(name, templates.template(value, at.child("." + name, value.line(),
                        value.column()))));
            } else {
                problems.invalid(at.child("", item.line(), item.column()), "a parameter is a name or 'name: default'");
            }
        }
        if (routine.equals("main") && params.size() > 1) {
            problems.invalid(at, "main takes at most one parameter (the runtime arguments)");
        }
        return params;
    }
}
