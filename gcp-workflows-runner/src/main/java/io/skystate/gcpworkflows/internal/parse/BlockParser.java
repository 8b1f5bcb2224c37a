package io.skystate.gcpworkflows.internal.parse;

import io.skystate.gcpworkflows.internal.model.ForLoop;
import io.skystate.gcpworkflows.internal.model.Location;
import io.skystate.gcpworkflows.internal.model.RetryPolicy;
import io.skystate.gcpworkflows.internal.model.StepBody;
import io.skystate.gcpworkflows.internal.model.StepList;
import io.skystate.gcpworkflows.internal.model.ValueTemplate;
import io.skystate.gcpworkflows.internal.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses the block steps: {@code for} (https://cloud.google.com/workflows/docs/reference/syntax/iteration),
 * {@code parallel} (https://cloud.google.com/workflows/docs/reference/syntax/parallel-steps) and {@code try} with
 * {@code retry} and {@code except} (https://cloud.google.com/workflows/docs/reference/syntax/catching-errors).
 * Not thread-safe.
 */
final class BlockParser {
    /** The maximum number of branches of one parallel step (https://cloud.google.com/workflows/quotas). */
    static final int MAX_BRANCHES = 10;

    private final StepParser steps;
    private final RetryParser retries;

    BlockParser(StepParser steps) {
        this.steps = steps;
        this.retries = new RetryParser(steps.problems, steps.templates);
    }

    StepBody parse(String kind, YamlNode.Mapping mapping, Location at) {
        YamlNode value = mapping.get(kind);
        Location where = at.child("." + kind, value.line(), value.column());
        switch (kind) {
            case "for":
                ForLoop loop = forLoop(value, where);
                return loop == null ? null : new StepBody.For(loop);
            case "parallel":
                return parallel(value, where);
            default:
                return tryStep(mapping, at);
        }
    }

    private ForLoop forLoop(YamlNode node, Location at) {
        if (!(node instanceof YamlNode.Mapping mapping)) {
            steps.problems.invalid(at, "for must be a map with value, in or range, and steps");
            return null;
        }
        unknownKeys(mapping, at, Set.of("value", "index", "in", "range", "steps"));
        YamlNode valueNode = mapping.get("value");
        String value = valueNode == null ? null : steps.variableName(valueNode, at.child(".value",
                valueNode.line(), valueNode.column()), "value");
        if (valueNode == null) {
            steps.problems.invalid(at, "for needs a 'value' variable");
        }
        YamlNode indexNode = mapping.get("index");
        String index = indexNode == null ? null : steps.variableName(indexNode, at.child(".index", indexNode.line(),
                indexNode.column()), "index");
        YamlNode in = mapping.get("in");
        YamlNode range = mapping.get("range");
        ValueTemplate inTemplate = null;
        ValueTemplate start = null;
        ValueTemplate end = null;
        if ((in == null) == (range == null)) {
            steps.problems.invalid(at, "for needs exactly one of 'in' and 'range'");
        } else if (in != null) {
            inTemplate = steps.templates.template(in, at.child(".in", in.line(), in.column()));
        } else if (range instanceof YamlNode.Sequence bounds && bounds.items().size() == 2) {
            start = steps.templates.template(bounds.items().get(0), at.child(".range[0]", range.line(),
                    range.column()));
            end = steps.templates.template(bounds.items().get(1), at.child(".range[1]", range.line(),
                    range.column()));
        } else {
            steps.problems.invalid(at.child(".range", range.line(), range.column()),
                    "range must be a list of two numbers [start, end]");
        }
        YamlNode body = mapping.get("steps");
        if (body == null) {
            steps.problems.invalid(at, "for needs steps");
            return null;
        }
        StepList list = steps.steps(body, at.child(".steps", body.line(), body.column()));
        return new ForLoop(value, index, inTemplate, start, end, list, at);
    }

    private StepBody parallel(YamlNode node, Location at) {
        if (!(node instanceof YamlNode.Mapping mapping)) {
            steps.problems.invalid(at, "parallel must be a map with branches or for");
            return null;
        }
        unknownKeys(mapping, at, Set.of("exception_policy", "shared", "concurrency_limit", "branches", "for"));
        boolean continueAll = false;
        YamlNode policy = mapping.get("exception_policy");
        if (policy != null) {
            if (policy instanceof YamlNode.Scalar scalar && "continueAll".equals(scalar.value())) {
                continueAll = true;
            } else {
                steps.problems.unsupported(at.child(".exception_policy", policy.line(), policy.column()),
                        "'exception_policy: " + (policy instanceof YamlNode.Scalar s ? s.value() : "?")
                                + "' (only continueAll is supported)");
            }
        }
        List<String> shared = new ArrayList<>();
        YamlNode sharedNode = mapping.get("shared");
        if (sharedNode instanceof YamlNode.Sequence names) {
            for (YamlNode name : names.items()) {
                String variable = steps.variableName(name, at.child(".shared", name.line(), name.column()),
                        "shared variable");
                if (variable != null) {
                    shared.add(variable);
                }
            }
        } else if (sharedNode != null) {
            steps.problems.invalid(at.child(".shared", sharedNode.line(), sharedNode.column()),
                    "shared must be a list of variable names");
        }
        YamlNode limitNode = mapping.get("concurrency_limit");
        ValueTemplate limit = limitNode == null ? null
                : steps.templates.template(limitNode, at.child(".concurrency_limit", limitNode.line(),
                limitNode.column()));
        YamlNode branchesNode = mapping.get("branches");
        YamlNode forNode = mapping.get("for");
        if ((branchesNode == null) == (forNode == null)) {
            steps.problems.invalid(at, "parallel needs exactly one of 'branches' and 'for'");
            return null;
        }
        if (forNode != null) {
            ForLoop loop = forLoop(forNode, at.child(".for", forNode.line(), forNode.column()));
            return loop == null ? null : new StepBody.Parallel(shared, limit, continueAll, null, loop);
        }
        return new StepBody.Parallel(shared, limit, continueAll, branches(branchesNode,
                at.child(".branches", branchesNode.line(), branchesNode.column())), null);
    }

    private List<StepBody.Branch> branches(YamlNode node, Location at) {
        List<StepBody.Branch> branches = new ArrayList<>();
        if (!(node instanceof YamlNode.Sequence sequence) || sequence.items().size() < 2) {
            steps.problems.invalid(at, "branches must be a list of at least two branches");
            return branches;
        }
        if (sequence.items().size() > MAX_BRANCHES) {
            steps.problems.invalid(at, "a parallel step has at most " + MAX_BRANCHES + " branches, found "
                    + sequence.items().size());
        }
        for (int i = 0; i < sequence.items().size(); i++) {
            YamlNode item = sequence.items().get(i);
            Location where = at.child("[" + i + "]", item.line(), item.column());
            if (!(item instanceof YamlNode.Mapping mapping) || mapping.entries().size() != 1
                    || !(mapping.entries().values().iterator().next() instanceof YamlNode.Mapping body)
                    || body.get("steps") == null || body.entries().size() != 1) {
                steps.problems.invalid(where, "a branch must be 'name: {steps: [...]}'");
                continue;
            }
            String name = mapping.entries().keySet().iterator().next();
            Location branchAt = new Location(where.path() + "." + name, where.line(), where.column());
            YamlNode list = body.get("steps");
            branches.add(new StepBody.Branch(name, steps.steps(list, branchAt.child(".steps", list.line(),
                    list.column())), branchAt));
        }
        return branches;
    }

    private StepBody tryStep(YamlNode.Mapping mapping, Location at) {
        YamlNode tryNode = mapping.get("try");
        Location tryAt = at.child(".try", tryNode.line(), tryNode.column());
        if (!(tryNode instanceof YamlNode.Mapping tryMap)) {
            steps.problems.invalid(tryAt, "try must be a map with steps or a call");
            return null;
        }
        StepBody body = steps.body(tryMap, tryAt, false);
        YamlNode retryNode = mapping.get("retry");
        RetryPolicy retry = retryNode == null ? null
                : retries.parse(retryNode, at.child(".retry", retryNode.line(), retryNode.column()));
        String as = null;
        StepList except = null;
        YamlNode exceptNode = mapping.get("except");
        if (exceptNode != null) {
            Location exceptAt = at.child(".except", exceptNode.line(), exceptNode.column());
            if (!(exceptNode instanceof YamlNode.Mapping exceptMap) || exceptMap.get("steps") == null) {
                steps.problems.invalid(exceptAt, "except must be a map with steps (and optionally as)");
            } else {
                unknownKeys(exceptMap, exceptAt, Set.of("as", "steps"));
                YamlNode asNode = exceptMap.get("as");
                as = asNode == null ? null : steps.variableName(asNode, exceptAt.child(".as", asNode.line(),
                        asNode.column()), "as");
                YamlNode list = exceptMap.get("steps");
                except = steps.steps(list, exceptAt.child(".steps", list.line(), list.column()));
            }
        }
        if (retryNode == null && exceptNode == null) {
            steps.problems.invalid(at, "try needs retry or except");
        }
        return new StepBody.Try(body, retry, as, except);
    }

    private void unknownKeys(YamlNode.Mapping mapping, Location at, Set<String> allowed) {
        for (String key : mapping.entries().keySet()) {
            if (!allowed.contains(key)) {
                YamlNode value = mapping.get(key);
                steps.problems.unsupported(at.child("." + key, value.line(), value.column()), "'" + key + "'");
            }
        }
    }
}
