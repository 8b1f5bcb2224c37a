package io.skystate.observability.internal;

import io.skystate.api.SkystateException;
import io.skystate.api.workflow.StepFailure;
import io.skystate.observability.SkystateMeters;

/**
 * The {@code outcome} tag of a call: {@value SkystateMeters#OK}, a Skystate error code, a {@link StepFailure}'s error
 * type (the name the workflow's retry and catch rules match), or an exception's simple class name. Stateless.
 */
final class Outcomes {
    private Outcomes() {
    }

    static String of(Throwable failure) {
        if (failure instanceof SkystateException skystate) {
            return skystate.code();
        }
        if (failure instanceof StepFailure step && step.errorType() != null && !step.errorType().isBlank()) {
            return step.errorType();
        }
        String simple = failure.getClass().getSimpleName();
        return simple.isEmpty() ? failure.getClass().getName() : simple;
    }
}
