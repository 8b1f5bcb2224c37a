package io.skystate.api.workflow;

import io.skystate.api.SkystateException;

/**
 * The run exists but is not in a state that allows the operation: a {@linkplain Workflows#signal signal} to a run
 * that has finished, a {@linkplain Workflows#redrive redrive} of a run that did not fail (or whose failure ran
 * compensations, or ended at a {@code fail} step, or that reached {@link Workflows#MAX_REDRIVES}). Not retryable.
 */
public class RunStateException extends SkystateException {
    private static final long serialVersionUID = 1L;

    public RunStateException(String provider, String message) {
        super("RUN_STATE", false, provider, message, null);
    }
}
