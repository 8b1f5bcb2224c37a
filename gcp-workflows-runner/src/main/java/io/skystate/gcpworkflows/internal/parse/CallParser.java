package io.skystate.gcpworkflows.internal.parse;

import io.skystate.gcpworkflows.internal.model.Location;
import io.skystate.gcpworkflows.internal.model.Routine;
import io.skystate.gcpworkflows.internal.model.StepBody;
import io.skystate.gcpworkflows.internal.model.ValueTemplate;
import io.skystate.gcpworkflows.internal.stdlib.Function;
import io.skystate.gcpworkflows.internal.stdlib.Stdlib;
import io.skystate.gcpworkflows.internal.yaml.YamlNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses {@code call} steps (https://cloud.google.com/workflows/docs/reference/syntax/calls) and checks them at
 * deploy time: the target must be a subworkflow or an implemented standard library function (connectors such as
 * {@code googleapis.*} are reported as unsupported), every {@code args} key must be a parameter, and every required
 * parameter must be given. Not thread-safe.
 */
final class CallParser {
    private final Problems problems;
    private final Templates templates;
    private final Map<String, List<Routine.Param>> routines;

    CallParser(Problems problems, Templates templates, Map<String, List<Routine.Param>> routines) {
        this.problems = problems;
        this.templates = templates;
        this.routines = routines;
    }

    StepBody call(YamlNode.Mapping mapping, Location at) {
        YamlNode targetNode = mapping.get("call");
        Location targetAt = at.child(".call", targetNode.line(), targetNode.column());
        if (!(targetNode instanceof YamlNode.Scalar scalar) || !(scalar.value() instanceof String target)) {
            problems.invalid(targetAt, "call must name a function or subworkflow");
            return null;
        }
        Map<String, ValueTemplate> args = new LinkedHashMap<>();
        YamlNode argsNode = mapping.get("args");
        if (argsNode instanceof YamlNode.Mapping argsMap) {
            argsMap.entries().forEach((name, value) -> args.put(name,
                    templates.template(value, at.child(".args." + name, value.line(), value.column()))));
        } else if (argsNode != null && !(argsNode instanceof YamlNode.Scalar empty && empty.value() == null)) {
            problems.invalid(at.child(".args", argsNode.line(), argsNode.column()), "args must be a map");
        }
        String result = null;
        YamlNode resultNode = mapping.get("result");
        if (resultNode != null) {
            Location resultAt = at.child(".result", resultNode.line(), resultNode.column());
            if (resultNode instanceof YamlNode.Scalar s && s.value() instanceof String text
                    && !StepParser.NAME.matcher(text).matches()) {
                problems.unsupported(resultAt, "'result: " + text + "' (result must be a plain variable name)");
            } else if (!(resultNode instanceof YamlNode.Scalar s2) || !(s2.value() instanceof String)) {
                problems.invalid(resultAt, "result must be a variable name");
            } else {
                result = (String) s2.value();
            }
        }
        List<Routine.Param> params = routines.get(target);
        if (params != null) {
            checkSubworkflowArgs(target, params, args, at);
            return new StepBody.Call(target, args, result, true);
        }
        Function function = Stdlib.standard().function(target).orElse(null);
        if (function == null) {
            if (target.contains(".")) {
                problems.unsupported(at, "'call: " + target + "'");
            } else {
                ExpressionChecker.reportUnknown(target, targetAt, problems);
            }
            return null;
        }
        checkFunctionArgs(function, args, at);
        return new StepBody.Call(target, args, result, false);
    }

    private void checkSubworkflowArgs(String target, List<Routine.Param> params, Map<String, ValueTemplate> args,
                                      Location at) {
        for (String name : args.keySet()) {
            if (params.stream().noneMatch(param -> param.name().equals(name))) {
                problems.invalid(at, "subworkflow '" + target + "' has no parameter '" + name + "'");
            }
        }
        for (Routine.Param param : params) {
            if (param.defaultValue() == null && !args.containsKey(param.name())) {
                problems.invalid(at, "subworkflow '" + target + "' needs argument '" + param.name() + "'");
            }
        }
    }

    private void checkFunctionArgs(Function function, Map<String, ValueTemplate> args, Location at) {
        for (String name : args.keySet()) {
            if (function.indexOf(name) < 0) {
                problems.unsupported(at.child(".args." + name, at.line(), at.column()), "'" + name
                        + "' (argument of " + function.name() + " not supported by Skystate's Workflows runner)");
            }
        }
        for (Function.Param param : function.params()) {
            if (param.required() && !args.containsKey(param.name())) {
                problems.invalid(at, function.name() + " needs argument '" + param.name() + "'");
            }
        }
    }
}
