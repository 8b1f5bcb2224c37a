package io.skystate.gcp.workflows;

import io.skystate.conformance.Gaps;

/**
 * The rules the Cloud Workflows engine does not meet on the GCP stack (Firestore emulator, pstest, Skystate's
 * Workflows runner), with the reason. The runner is Skystate's own, so a workflow rule failing there is a bug in the
 * runner or the compiler (fixed, not declared). What is declared is the part of the issue-11 operations API the engine
 * does not offer (README-workflows.md, "Operating runs"): redrive. The engine does not declare
 * {@code Capability.WORKFLOW_REDRIVE} and answers {@code UnsupportedCapabilityException} (rule wfops17 checks that).
 */
final class GcpWorkflowsGaps {
    private static final String README = "adapter-gcp/README-workflows.md, Operating runs";
    private static final String NO_REDRIVE = "the Cloud Workflows engine does not redrive runs (it lacks WORKFLOW_REDRIVE:"
            + " it runs one execution per run, and its history, invocation ids and run record assume it ends once)";

    static final Gaps EMULATORS = Gaps.builder()
            .capability("wfops10", NO_REDRIVE, README)
            .capability("wfops11", NO_REDRIVE, README)
            .capability("wfops12", NO_REDRIVE, README)
            .build();

    private GcpWorkflowsGaps() {
    }
}
