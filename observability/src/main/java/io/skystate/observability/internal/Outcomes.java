package io.skystate.observability.internal;

import io.skystate.api.SkystateException;
import io.skystate.observability.SkystateMeters;

/** The {@code outcome} tag of a call: {@value SkystateMeters#OK}, an error code, or an exception's simple class name. Stateless. */
final class Outcomes {
    private Outcomes() {
    }

    static String of(Throwable failure) {
        if (failure instanceof SkystateException skystate) {
            return skystate.code();
        }
        String simple = failure.getClass().getSimpleName();
        return simple.isEmpty() ? failure.getClass().getName() : simple;
    }
}
