package io.skystate.gcpworkflows.internal.expr;

import io.skystate.gcpworkflows.internal.value.ErrorTags;
import io.skystate.gcpworkflows.internal.value.Values;
import io.skystate.gcpworkflows.internal.value.WorkflowError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates an {@link Expr}. Semantics follow https://cloud.google.com/workflows/docs/reference/syntax/expressions
 * and .../syntax/datatypes: {@code +} adds numbers or concatenates strings (no implicit conversion), {@code /}
 * always gives a double, {@code //} and {@code %} floor like Python, integer overflow is a ValueError, division by
 * zero a ZeroDivisionError, {@code and or not} need booleans, a missing map key is a KeyError, an index out of range
 * an IndexError, and any operand of the wrong type a TypeError. Stateless and thread-safe.
 */
public final class Evaluator {
    private Evaluator() {
    }

    public static Object evaluate(Expr expr, EvalContext context) {
        if (expr instanceof Expr.Literal literal) {
            return literal.value();
        } else if (expr instanceof Expr.Variable variable) {
            return context.variable(variable.name());
        } else if (expr instanceof Expr.Member member) {
            return member(evaluate(member.target(), context), member.name());
        } else if (expr instanceof Expr.Index index) {
            return index(evaluate(index.target(), context), evaluate(index.index(), context));
        } else if (expr instanceof Expr.Call call) {
            List<Object> args = new ArrayList<>(call.args().size());
            for (Expr arg : call.args()) {
                args.add(evaluate(arg, context));
            }
            return context.call(call.function(), args);
        } else if (expr instanceof Expr.Unary unary) {
            return unary(unary.operator(), evaluate(unary.operand(), context));
        } else if (expr instanceof Expr.Binary binary) {
            return binary(binary, context);
        } else if (expr instanceof Expr.ListLiteral list) {
            List<Object> items = new ArrayList<>(list.items().size());
            for (Expr item : list.items()) {
                items.add(Values.deepCopy(evaluate(item, context)));
            }
            return items;
        } else if (expr instanceof Expr.MapLiteral map) {
            Map<String, Object> result = new LinkedHashMap<>();
            for (int i = 0; i < map.keys().size(); i++) {
                Object key = evaluate(map.keys().get(i), context);
                if (!(key instanceof String name)) {
                    throw WorkflowError.typeError("map keys must be strings, got " + Values.typeName(key));
                }
                result.put(name, Values.deepCopy(evaluate(map.values().get(i), context)));
            }
            return result;
        }
        throw new IllegalStateException("unknown expression node " + expr);
    }

    /** {@code target.name}. */
    public static Object member(Object target, String name) {
        if (target instanceof Map<?, ?> map) {
            if (!map.containsKey(name)) {
                throw WorkflowError.keyError("key not found: " + name);
            }
            return map.get(name);
        }
        throw WorkflowError.typeError("cannot read key '" + name + "' of a " + Values.typeName(target)
                + " (only maps have keys)");
    }

    /** {@code target[key]}. */
    public static Object index(Object target, Object key) {
        if (target instanceof List<?> list) {
            int position = listIndex(key, list.size());
            return list.get(position);
        }
        if (target instanceof Map<?, ?> map) {
            if (!(key instanceof String name)) {
                throw WorkflowError.typeError("map keys must be strings, got " + Values.typeName(key));
            }
            if (!map.containsKey(name)) {
                throw WorkflowError.keyError("key not found: " + name);
            }
            return map.get(name);
        }
        throw WorkflowError.typeError("cannot index a " + Values.typeName(target) + " (only lists and maps)");
    }

    /** A valid position in a list of the given size, or an IndexError/TypeError. */
    public static int listIndex(Object key, int size) {
        if (!(key instanceof Long position)) {
            throw WorkflowError.typeError("list indices must be integers, got " + Values.typeName(key));
        }
        if (position < 0 || position >= size) {
            throw WorkflowError.indexError("list index out of range: " + position + " (size " + size + ")");
        }
        return position.intValue();
    }

    private static Object unary(String operator, Object operand) {
        if (operator.equals("not")) {
            return !Values.requireBoolean(operand, "the operand of 'not'");
        }
        if (operand instanceof Long l) {
            if (l == Long.MIN_VALUE) {
                throw WorkflowError.valueError("integer overflow");
            }
            return -l;
        }
        if (operand instanceof Double d) {
            return -d;
        }
        throw WorkflowError.typeError("bad operand type for unary -: '" + Values.typeName(operand) + "'");
    }

    private static Object binary(Expr.Binary binary, EvalContext context) {
        String operator = binary.operator();
        if (operator.equals("and") || operator.equals("or")) {
            boolean left = Values.requireBoolean(evaluate(binary.left(), context), "the operand of '" + operator + "'");
            if (operator.equals("and") ? !left : left) {
                return left;
            }
            return Values.requireBoolean(evaluate(binary.right(), context), "the operand of '" + operator + "'");
        }
        Object left = evaluate(binary.left(), context);
        Object right = evaluate(binary.right(), context);
        switch (operator) {
            case "==":
                return Values.equal(left, right);
            case "!=":
                return !Values.equal(left, right);
            case "<":
                return Values.compare(left, right, operator) < 0;
            case "<=":
                return Values.compare(left, right, operator) <= 0;
            case ">":
                return Values.compare(left, right, operator) > 0;
            case ">=":
                return Values.compare(left, right, operator) >= 0;
            case "in":
                return contains(right, left);
            default:
                return Arithmetic.apply(operator, left, right);
        }
    }

    private static boolean contains(Object container, Object item) {
        if (container instanceof List<?> list) {
            for (Object element : list) {
                if (Values.equal(element, item)) {
                    return true;
                }
            }
            return false;
        }
        if (container instanceof Map<?, ?> map) {
            if (!(item instanceof String)) {
                throw WorkflowError.typeError("'in' on a map needs a string key, got " + Values.typeName(item));
            }
            return map.containsKey(item);
        }
        throw WorkflowError.of(ErrorTags.TYPE_ERROR, "the right operand of 'in' must be a list or map, got "
                + Values.typeName(container));
    }
}
