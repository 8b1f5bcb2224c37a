package io.skystate.gcp.workflows;

import io.skystate.conformance.Gaps;

/**
 * The rules the Cloud Workflows engine does not meet on the GCP stack (Firestore emulator, pstest, Skystate's
 * Workflows runner), with the reason. The runner is Skystate's own, so a workflow rule failing there is a bug in the
 * runner or the compiler (fixed, not declared). What is declared is the part of the issue-11 operations API the engine
 * does not offer yet (README-workflows.md, "Operating runs"): those rules fail with the API's
 * UnsupportedOperationException or, for awaitEvent steps, with the registration's InvalidWorkflowException.
 */
final class GcpWorkflowsGaps {
    private static final String README = "adapter-gcp/README-workflows.md, Operating runs";
    private static final String NO_SIGNALS = "the Cloud Workflows engine does not deliver signals yet: signal() is"
            + " unsupported and registration rejects awaitEvent steps";
    private static final String NO_REDRIVE = "the Cloud Workflows engine does not redrive runs yet (a new execution of"
            + " the run's workflow version starting at the failed step)";

    static final Gaps EMULATORS = Gaps.builder()
            .capability("wfops02", NO_SIGNALS + " (the rule's running run waits in an awaitEvent step)", README)
            .capability("wfops05", NO_SIGNALS, README)
            .capability("wfops06", NO_SIGNALS, README)
            .capability("wfops07", NO_SIGNALS, README)
            .capability("wfops08", NO_SIGNALS, README)
            .capability("wfops09", NO_SIGNALS, README)
            .capability("wfops10", NO_REDRIVE, README)
            .capability("wfops11", NO_REDRIVE + "; the rule's running run also waits in an awaitEvent step", README)
            .capability("wfops12", NO_REDRIVE, README)
            .build();

    private GcpWorkflowsGaps() {
    }
}
