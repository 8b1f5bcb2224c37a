package io.skystate.gcpworkflows.internal.exec;

/**
 * Unwinds a flow whose {@link CancellationScope} was cancelled: the execution was cancelled, or a sibling parallel
 * branch failed. Not catchable by workflow code. No stack trace.
 */
public final class CancelledSignal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CancelledSignal() {
        super("cancelled", null, false, false);
    }
}
