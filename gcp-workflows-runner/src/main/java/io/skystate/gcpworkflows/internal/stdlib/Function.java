package io.skystate.gcpworkflows.internal.stdlib;

import java.util.List;

/**
 * A standard library function: its name, its parameters in positional order (with defaults for optional ones),
 * whether it is blocking (blocking functions can run only in a {@code call} step, never inside an expression:
 * https://cloud.google.com/workflows/docs/reference/stdlib/overview), and its implementation. Immutable.
 */
public record Function(String name, List<Param> params, boolean blocking, Impl impl) {
    public Function {
        params = List.copyOf(params);
    }

    /** A parameter; an optional one has {@code required == false} and {@code defaultValue} (possibly null). */
    public record Param(String name, boolean required, Object defaultValue) {
        public static Param required(String name) {
            return new Param(name, true, null);
        }

        public static Param optional(String name, Object defaultValue) {
            return new Param(name, false, defaultValue);
        }
    }

    /** The implementation; {@code args} has one slot per parameter, defaults filled in. */
    @FunctionalInterface
    public interface Impl {
        Object apply(Object[] args, CallContext context);
    }

    public int requiredCount() {
        return (int) params.stream().filter(Param::required).count();
    }

    public int indexOf(String param) {
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i).name().equals(param)) {
                return i;
            }
        }
        return -1;
    }
}
