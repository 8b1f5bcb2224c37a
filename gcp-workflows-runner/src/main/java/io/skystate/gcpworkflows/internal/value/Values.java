package io.skystate.gcpworkflows.internal.value;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Operations on Workflows values, which the runner represents as plain Java objects: {@code null},
 * {@link Boolean}, {@link Long} (integer), {@link Double}, {@link String}, {@link Bytes}, {@link List} and
 * {@link Map} with {@link String} keys (insertion-ordered). Data types follow
 * https://cloud.google.com/workflows/docs/reference/syntax/datatypes. Stateless and thread-safe.
 */
public final class Values {
    private Values() {
    }

    /**
     * The type name that {@code get_type} reports
     * (https://cloud.google.com/workflows/docs/reference/stdlib/expression-helpers).
     */
    public static String typeName(Object value) {
        if (value == null) {
            return "null";
        } else if (value instanceof Boolean) {
            return "boolean";
        } else if (value instanceof Long) {
            return "integer";
        } else if (value instanceof Double) {
            return "double";
        } else if (value instanceof String) {
            return "string";
        } else if (value instanceof Bytes) {
            return "bytes";
        } else if (value instanceof List) {
            return "list";
        } else if (value instanceof Map) {
            return "map";
        }
        throw new IllegalArgumentException("not a Workflows value: " + value.getClass().getName());
    }

    public static boolean isNumber(Object value) {
        return value instanceof Long || value instanceof Double;
    }

    /** Deep equality; integers and doubles compare by numeric value, map key order does not matter. */
    public static boolean equal(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (isNumber(a) && isNumber(b)) {
            if (a instanceof Long x && b instanceof Long y) {
                return x.longValue() == y.longValue();
            }
            return ((Number) a).doubleValue() == ((Number) b).doubleValue();
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!equal(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<?, ?> entry : x.entrySet()) {
                if (!y.containsKey(entry.getKey()) || !equal(entry.getValue(), y.get(entry.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /**
     * Ordering for {@code < <= > >=}: numbers with numbers, strings with strings by Unicode code point (the order of
     * their UTF-8 bytes, not of Java's UTF-16 units, which put U+E000..U+FFFF after supplementary characters);
     * anything else is a TypeError.
     */
    public static int compare(Object a, Object b, String operator) {
        if (isNumber(a) && isNumber(b)) {
            if (a instanceof Long x && b instanceof Long y) {
                return Long.compare(x, y);
            }
            return Double.compare(((Number) a).doubleValue(), ((Number) b).doubleValue());
        }
        if (a instanceof String x && b instanceof String y) {
            return compareCodePoints(x, y);
        }
        throw WorkflowError.typeError("unsupported operand types for " + operator + ": '" + typeName(a) + "' and '"
                + typeName(b) + "'");
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** A structurally independent copy: lists and maps are copied, leaves are immutable. */
    @SuppressWarnings("unchecked")
    public static Object deepCopy(Object value) {
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object item : list) {
                copy.add(deepCopy(item));
            }
            return copy;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<String, Object> entry : ((Map<String, Object>) map).entrySet()) {
                copy.put(entry.getKey(), deepCopy(entry.getValue()));
            }
            return copy;
        }
        return value;
    }

    /**
     * Approximate memory of a value in bytes, for the 512 KB variable limit
     * (https://cloud.google.com/workflows/quotas): strings and bytes count their UTF-8 / raw length, scalars 8,
     * map keys their length, containers the sum of their content.
     */
    public static long sizeOf(Object value) {
        if (value == null || value instanceof Boolean) {
            return 1;
        } else if (value instanceof Long || value instanceof Double) {
            return 8;
        } else if (value instanceof String string) {
            return utf8Length(string);
        } else if (value instanceof Bytes bytes) {
            return bytes.length();
        } else if (value instanceof List<?> list) {
            long size = 8;
            for (Object item : list) {
                size += sizeOf(item);
            }
            return size;
        } else if (value instanceof Map<?, ?> map) {
            long size = 8;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                size += utf8Length((String) entry.getKey()) + sizeOf(entry.getValue());
            }
            return size;
        }
        return 8;
    }

    public static long utf8Length(String string) {
        return string.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The text {@code string()} gives for a scalar, and that the runner uses in messages. */
    public static String toText(Object value) {
        if (value instanceof Double d) {
            return formatDouble(d);
        }
        return String.valueOf(value);
    }

    /** Doubles print like Python's {@code repr}: {@code 1.5}, {@code 2.0}, {@code 1e+21}. */
    public static String formatDouble(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        } else if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        String text = Double.toString(d);
        int exponent = text.indexOf('E');
        if (exponent < 0) {
            return text;
        }
        String mantissa = text.substring(0, exponent);
        if (mantissa.endsWith(".0")) {
            mantissa = mantissa.substring(0, mantissa.length() - 2);
        }
        String power = text.substring(exponent + 1);
        return mantissa + "e" + (power.startsWith("-") ? power : "+" + power);
    }

    /** A boolean, or a TypeError naming what needed one. */
    public static boolean requireBoolean(Object value, String what) {
        if (value instanceof Boolean b) {
            return b;
        }
        throw WorkflowError.typeError(what + " must be a boolean, got " + typeName(value));
    }
}
