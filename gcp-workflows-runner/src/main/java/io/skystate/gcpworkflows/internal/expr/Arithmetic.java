package io.skystate.gcpworkflows.internal.expr;

import io.skystate.gcpworkflows.internal.value.ErrorTags;
import io.skystate.gcpworkflows.internal.value.Values;
import io.skystate.gcpworkflows.internal.value.WorkflowError;

/**
 * The arithmetic operators {@code + - * / // %} on Workflows values
 * (https://cloud.google.com/workflows/docs/reference/syntax/datatypes): integers stay integers except for
 * {@code /}, a double operand makes the result a double, strings concatenate with {@code +} only.
 */
final class Arithmetic {
    private Arithmetic() {
    }

    static Object apply(String operator, Object left, Object right) {
        if (operator.equals("+") && left instanceof String a && right instanceof String b) {
            return a + b;
        }
        if (!Values.isNumber(left) || !Values.isNumber(right)) {
            throw WorkflowError.typeError("unsupported operand types for " + operator + ": '"
                    + Values.typeName(left) + "' and '" + Values.typeName(right) + "'");
        }
        if (left instanceof Long a && right instanceof Long b) {
            return integers(operator, a, b);
        }
        return doubles(operator, ((Number) left).doubleValue(), ((Number) right).doubleValue());
    }

    private static Object integers(String operator, long a, long b) {
        try {
            switch (operator) {
                case "+":
                    return Math.addExact(a, b);
                case "-":
                    return Math.subtractExact(a, b);
                case "*":
                    return Math.multiplyExact(a, b);
                case "/":
                    requireNonZero(b);
                    return (double) a / (double) b;
                case "//":
                    requireNonZero(b);
                    if (a == Long.MIN_VALUE && b == -1) {
                        throw new ArithmeticException("overflow");
                    }
                    return Math.floorDiv(a, b);
                case "%":
                    requireNonZero(b);
                    return Math.floorMod(a, b);
                default:
                    throw new IllegalStateException("unknown operator " + operator);
            }
        } catch (ArithmeticException e) {
            throw WorkflowError.valueError("integer overflow in " + a + " " + operator + " " + b);
        }
    }

    private static Object doubles(String operator, double a, double b) {
        switch (operator) {
            case "+":
                return a + b;
            case "-":
                return a - b;
            case "*":
                return a * b;
            case "/":
                requireNonZero(b);
                return a / b;
            case "//":
                requireNonZero(b);
                return Math.floor(a / b);
            case "%":
                requireNonZero(b);
                return a - b * Math.floor(a / b);
            default:
                throw new IllegalStateException("unknown operator " + operator);
        }
    }

    private static void requireNonZero(double divisor) {
        if (divisor == 0) {
            throw WorkflowError.of(ErrorTags.ZERO_DIVISION_ERROR, "division by zero");
        }
    }
}
