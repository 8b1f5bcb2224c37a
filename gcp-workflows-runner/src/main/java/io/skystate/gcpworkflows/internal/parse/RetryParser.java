package io.skystate.gcpworkflows.internal.parse;

import io.skystate.gcpworkflows.internal.model.Location;
import io.skystate.gcpworkflows.internal.model.RetryPolicy;
import io.skystate.gcpworkflows.internal.model.Routine;
import io.skystate.gcpworkflows.internal.model.ValueTemplate;
import io.skystate.gcpworkflows.internal.yaml.YamlNode;
import java.util.List;
import java.util.Set;

/**
 * Parses a {@code retry} policy (https://cloud.google.com/workflows/docs/reference/syntax/retrying): the predefined
 * policies {@code ${http.default_retry}} and {@code ${http.default_retry_non_idempotent}} (max_retries 5, backoff
 * as {@code retry.default_backoff}: initial_delay 1, max_delay 60, multiplier 1.25 —
 * https://cloud.google.com/workflows/docs/reference/stdlib/http/default_retry), or a map with {@code predicate}
 * (a built-in predicate or a subworkflow taking the error), {@code max_retries} and {@code backoff}. Not thread-safe.
 */
final class RetryParser {
    static final String DEFAULT_PREDICATE = "http.default_retry_predicate";
    static final String NON_IDEMPOTENT_PREDICATE = "http.default_retry_predicate_non_idempotent";
    private static final Set<String> BUILT_IN_PREDICATES = Set.of("retry.always", "retry.never", DEFAULT_PREDICATE,
            NON_IDEMPOTENT_PREDICATE);

    private final Problems problems;
    private final Templates templates;

    RetryParser(Problems problems, Templates templates) {
        this.problems = problems;
        this.templates = templates;
    }

    RetryPolicy parse(YamlNode node, Location at) {
        if (node instanceof YamlNode.Scalar scalar) {
            String name = Templates.expressionText(scalar.value());
            if ("http.default_retry".equals(name)) {
                return defaults(DEFAULT_PREDICATE, at);
            } else if ("http.default_retry_non_idempotent".equals(name)) {
                return defaults(NON_IDEMPOTENT_PREDICATE, at);
            } else if (name != null && BUILT_IN_PREDICATES.contains(name.strip())) {
                problems.invalid(at, "'" + name + "' is a retry predicate, not a policy: use it as retry.predicate");
            } else {
                problems.unsupported(at, "'retry: " + scalar.value() + "' (predefined policies are "
                        + "${http.default_retry} and ${http.default_retry_non_idempotent})");
            }
            return null;
        }
        if (!(node instanceof YamlNode.Mapping mapping)) {
            problems.invalid(at, "retry must be a predefined policy or a map");
            return null;
        }
        for (String key : mapping.entries().keySet()) {
            if (!Set.of("predicate", "max_retries", "backoff").contains(key)) {
                problems.unsupported(at.child("." + key, node.line(), node.column()), "'retry." + key + "'");
            }
        }
        YamlNode predicateNode = mapping.get("predicate");
        YamlNode maxNode = mapping.get("max_retries");
        if (predicateNode == null || maxNode == null) {
            problems.invalid(at, "retry needs predicate and max_retries");
            return null;
        }
        String predicate = Templates.expressionText(predicateNode instanceof YamlNode.Scalar s ? s.value() : null);
        predicate = predicate == null ? null : predicate.strip();
        boolean subworkflow = false;
        Location predicateAt = at.child(".predicate", predicateNode.line(), predicateNode.column());
        List<Routine.Param> params = predicate == null ? null : templates.checker().routines().get(predicate);
        if (params != null) {
            subworkflow = true;
            if (params.isEmpty()) {
                problems.invalid(predicateAt, "predicate subworkflow '" + predicate + "' must take the error as a "
                        + "parameter");
            }
        } else if (predicate == null || !BUILT_IN_PREDICATES.contains(predicate)) {
            problems.invalid(predicateAt, "predicate must be ${<subworkflow>} or one of " + BUILT_IN_PREDICATES);
            return null;
        }
        ValueTemplate maxRetries = templates.template(maxNode, at.child(".max_retries", maxNode.line(),
                maxNode.column()));
        YamlNode backoff = mapping.get("backoff");
        if (backoff == null || backoff instanceof YamlNode.Scalar b
                && "retry.default_backoff".equals(Templates.expressionText(b.value()))) {
            return new RetryPolicy(predicate, subworkflow, maxRetries, constant(1L), constant(60L),
                    constant(1.25), at);
        }
        Location backoffAt = at.child(".backoff", backoff.line(), backoff.column());
        if (!(backoff instanceof YamlNode.Mapping backoffMap)) {
            problems.invalid(backoffAt, "backoff must be a map with initial_delay, max_delay and multiplier");
            return null;
        }
        ValueTemplate initial = number(backoffMap, "initial_delay", backoffAt, constant(1L));
        ValueTemplate max = number(backoffMap, "max_delay", backoffAt, constant(60L));
        ValueTemplate multiplier = number(backoffMap, "multiplier", backoffAt, constant(1.25));
        return new RetryPolicy(predicate, subworkflow, maxRetries, initial, max, multiplier, at);
    }

    private ValueTemplate number(YamlNode.Mapping backoff, String key, Location at, ValueTemplate fallback) {
        YamlNode node = backoff.get(key);
        return node == null ? fallback : templates.template(node, at.child("." + key, node.line(), node.column()));
    }

    private static RetryPolicy defaults(String predicate, Location at) {
        return new RetryPolicy(predicate, false, constant(5L), constant(1L), constant(60L), constant(1.25), at);
    }

    private static ValueTemplate constant(Object value) {
        return new ValueTemplate.Constant(value);
    }
}
