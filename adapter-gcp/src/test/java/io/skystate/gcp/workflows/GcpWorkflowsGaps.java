package io.skystate.gcp.workflows;

import io.skystate.conformance.Gaps;

/**
 * The rules the Cloud Workflows engine does not meet on the GCP stack (Firestore emulator, pstest, Skystate's
 * Workflows runner), with the reason. The runner is Skystate's own, so a workflow rule failing there is a bug in the
 * runner or the compiler (fixed, not declared). What is declared is the part of the issue-11 operations API the engine
 * does not offer yet (README-workflows.md, "Operating runs"): redrive, whose rules fail with the API's
 * UnsupportedOperationException.
 */
final class GcpWorkflowsGaps {
    private static final String README = "adapter-gcp/README-workflows.md, Operating runs";
    private static final String NO_REDRIVE = "the Cloud Workflows engine does not redrive runs yet (a new execution of"
            + " the run's workflow version starting at the failed step)";

    static final Gaps EMULATORS = Gaps.builder()
            .capability("wfops10", NO_REDRIVE, README)
            .capability("wfops11", NO_REDRIVE, README)
            .capability("wfops12", NO_REDRIVE, README)
            .build();

    private GcpWorkflowsGaps() {
    }
}
