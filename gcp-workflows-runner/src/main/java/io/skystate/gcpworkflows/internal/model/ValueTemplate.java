package io.skystate.gcpworkflows.internal.model;

import io.skystate.gcpworkflows.internal.expr.EvalContext;
import io.skystate.gcpworkflows.internal.expr.Evaluator;
import io.skystate.gcpworkflows.internal.expr.Expr;
import io.skystate.gcpworkflows.internal.value.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A value written in the workflow source, whose string leaves of the form {@code ${...}} are expressions
 * (https://cloud.google.com/workflows/docs/reference/syntax/expressions). Evaluating it gives a fresh value that
 * shares no structure with variables. Immutable.
 */
public sealed interface ValueTemplate permits ValueTemplate.Constant, ValueTemplate.Expression,
        ValueTemplate.ListOf, ValueTemplate.MapOf {

    Object evaluate(EvalContext context);

    /** A literal value from the source. */
    record Constant(Object value) implements ValueTemplate {
        @Override
        public Object evaluate(EvalContext context) {
            return Values.deepCopy(value);
        }
    }

    /** {@code ${expr}}; {@code text} is the source between the braces, {@code location} where it was written. */
    record Expression(Expr expr, String text, Location location) implements ValueTemplate {
        @Override
        public Object evaluate(EvalContext context) {
            return Values.deepCopy(Evaluator.evaluate(expr, context));
        }
    }

    record ListOf(List<ValueTemplate> items) implements ValueTemplate {
        public ListOf {
            items = List.copyOf(items);
        }

        @Override
        public Object evaluate(EvalContext context) {
            List<Object> list = new ArrayList<>(items.size());
            for (ValueTemplate item : items) {
                list.add(item.evaluate(context));
            }
            return list;
        }
    }

    record MapOf(Map<String, ValueTemplate> entries) implements ValueTemplate {
        public MapOf {
            entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        @Override
        public Object evaluate(EvalContext context) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, ValueTemplate> entry : entries.entrySet()) {
                map.put(entry.getKey(), entry.getValue().evaluate(context));
            }
            return map;
        }
    }
}
