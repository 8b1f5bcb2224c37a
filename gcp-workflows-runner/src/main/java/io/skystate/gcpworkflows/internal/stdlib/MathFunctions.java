package io.skystate.gcpworkflows.internal.stdlib;

import static io.skystate.gcpworkflows.internal.stdlib.Function.Param.required;

import io.skystate.gcpworkflows.internal.value.Values;
import io.skystate.gcpworkflows.internal.value.WorkflowError;
import java.util.List;

/**
 * {@code math.abs}, {@code math.floor} (an integer), {@code math.max}, {@code math.min}
 * (https://cloud.google.com/workflows/docs/reference/stdlib/math/abs etc.). Integers stay integers. Stateless.
 */
final class MathFunctions {
    private MathFunctions() {
    }

    static void register(Registry registry) {
        registry.add("math.abs", List.of(required("x")), (a, c) -> {
            Args.number(a[0], "math.abs", "x");
            if (a[0] instanceof Long l) {
                if (l == Long.MIN_VALUE) {
                    throw WorkflowError.valueError("math.abs: integer overflow");
                }
                return Math.abs(l);
            }
            return Math.abs((Double) a[0]);
        });
        registry.add("math.floor", List.of(required("x")), (a, c) -> {
            Args.number(a[0], "math.floor", "x");
            if (a[0] instanceof Long) {
                return a[0];
            }
            double floor = Math.floor((Double) a[0]);
            if (Double.isNaN(floor) || Math.abs(floor) >= 9.223372036854775807E18) {
                throw WorkflowError.valueError("math.floor: result does not fit an integer");
            }
            return (long) floor;
        });
        registry.add("math.max", List.of(required("x"), required("y")), (a, c) -> pick(a, "math.max", true));
        registry.add("math.min", List.of(required("x"), required("y")), (a, c) -> pick(a, "math.min", false));
    }

    private static Object pick(Object[] a, String function, boolean max) {
        Args.number(a[0], function, "x");
        Args.number(a[1], function, "y");
        int order = Values.compare(a[0], a[1], function);
        return (max ? order >= 0 : order <= 0) ? a[0] : a[1];
    }
}
