package io.skystate.gcpworkflows.internal.stdlib;

import io.skystate.gcpworkflows.internal.value.Bytes;
import io.skystate.gcpworkflows.internal.value.Values;
import io.skystate.gcpworkflows.internal.value.WorkflowError;
import java.util.List;
import java.util.Map;

/** Typed access to function arguments; a wrong type is a TypeError naming the function and parameter. */
final class Args {
    private Args() {
    }

    static String string(Object value, String function, String param) {
        if (value instanceof String string) {
            return string;
        }
        throw wrongType(function, param, "a string", value);
    }

    static long integer(Object value, String function, String param) {
        if (value instanceof Long l) {
            return l;
        }
        throw wrongType(function, param, "an integer", value);
    }

    static double number(Object value, String function, String param) {
        if (Values.isNumber(value)) {
            return ((Number) value).doubleValue();
        }
        throw wrongType(function, param, "a number", value);
    }

    static boolean bool(Object value, String function, String param) {
        if (value instanceof Boolean b) {
            return b;
        }
        throw wrongType(function, param, "a boolean", value);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value, String function, String param) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw wrongType(function, param, "a map", value);
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value, String function, String param) {
        if (value instanceof List<?> list) {
            return (List<Object>) list;
        }
        throw wrongType(function, param, "a list", value);
    }

    static Bytes bytes(Object value, String function, String param) {
        if (value instanceof Bytes bytes) {
            return bytes;
        }
        throw wrongType(function, param, "bytes", value);
    }

    static WorkflowError wrongType(String function, String param, String expected, Object actual) {
        return WorkflowError.typeError(function + ": argument '" + param + "' must be " + expected + ", got "
                + Values.typeName(actual));
    }
}
