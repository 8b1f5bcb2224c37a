package io.skystate.gcpworkflows.internal.stdlib;

import static io.skystate.gcpworkflows.internal.stdlib.Function.Param.required;

import io.skystate.gcpworkflows.internal.value.Bytes;
import io.skystate.gcpworkflows.internal.value.Values;
import io.skystate.gcpworkflows.internal.value.WorkflowError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The expression helpers of https://cloud.google.com/workflows/docs/reference/stdlib/expression-helpers:
 * {@code default}, {@code keys}, {@code len}, {@code get_type}, {@code int}, {@code double}, {@code string},
 * {@code if}. Stateless.
 */
final class CoreFunctions {
    private CoreFunctions() {
    }

    static void register(Registry registry) {
        registry.add("default", List.of(required("val"), required("defaultVal")),
                (a, c) -> a[0] != null ? a[0] : a[1]);
        registry.add("keys", List.of(required("map")),
                (a, c) -> new ArrayList<Object>(Args.map(a[0], "keys", "map").keySet()));
        registry.add("len", List.of(required("value")), (a, c) -> length(a[0]));
        registry.add("get_type", List.of(required("value")), (a, c) -> Values.typeName(a[0]));
        registry.add("int", List.of(required("value")), (a, c) -> toInt(a[0]));
        registry.add("double", List.of(required("value")), (a, c) -> toDouble(a[0]));
        registry.add("string", List.of(required("value")), (a, c) -> toText(a[0]));
        registry.add("if", List.of(required("condition"), required("ifTrue"), required("ifFalse")),
                (a, c) -> Values.requireBoolean(a[0], "the condition of if()") ? a[1] : a[2]);
    }

    private static Object length(Object value) {
        if (value instanceof String string) {
            return (long) string.codePointCount(0, string.length());
        } else if (value instanceof List<?> list) {
            return (long) list.size();
        } else if (value instanceof Map<?, ?> map) {
            return (long) map.size();
        } else if (value instanceof Bytes bytes) {
            return (long) bytes.length();
        }
        throw Args.wrongType("len", "value", "a string, list, map or bytes", value);
    }

    private static Object toInt(Object value) {
        if (value instanceof Long) {
            return value;
        }
        if (value instanceof Double d) {
            if (d.isNaN() || d.isInfinite() || Math.abs(d) >= 9.223372036854775807E18) {
                throw WorkflowError.valueError("int: " + Values.formatDouble(d) + " does not fit an integer");
            }
            return (long) d.doubleValue();
        }
        if (value instanceof String string) {
            try {
                return Long.parseLong(string.trim());
            } catch (NumberFormatException e) {
                throw WorkflowError.valueError("int: cannot convert '" + string + "' to an integer");
            }
        }
        throw Args.wrongType("int", "value", "a string or double", value);
    }

    private static Object toDouble(Object value) {
        if (value instanceof Double) {
            return value;
        }
        if (value instanceof Long l) {
            return l.doubleValue();
        }
        if (value instanceof String string) {
            try {
                return new BigDecimal(string.trim()).doubleValue();
            } catch (NumberFormatException e) {
                throw WorkflowError.valueError("double: cannot convert '" + string + "' to a double");
            }
        }
        throw Args.wrongType("double", "value", "a string or integer", value);
    }

    private static Object toText(Object value) {
        if (value instanceof String || value instanceof Long || value instanceof Double || value instanceof Boolean) {
            return Values.toText(value);
        }
        throw Args.wrongType("string", "value", "an integer, double or boolean", value);
    }
}
