package io.skystate.gcp.workflows;

import io.skystate.conformance.Gaps;

/**
 * The rules the Cloud Workflows engine does not meet on the GCP stack (Firestore emulator, pstest, Skystate's
 * Workflows runner), with the reason: none. The
 * runner is Skystate's own, so a rule failing there is a bug in the runner or the compiler (fixed, not declared);
 * a real Cloud Workflows limitation would be a capability gap with Google's documentation as the reference.
 */
final class GcpWorkflowsGaps {
    static final Gaps EMULATORS = Gaps.none();

    private GcpWorkflowsGaps() {
    }
}
