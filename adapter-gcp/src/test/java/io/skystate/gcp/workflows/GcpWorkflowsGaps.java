package io.skystate.gcp.workflows;

import io.skystate.conformance.Gaps;

/** The rules the Cloud Workflows engine does not meet on Skystate's Workflows runner, with the reason. */
final class GcpWorkflowsGaps {
    static final Gaps RUNNER = Gaps.none();

    private GcpWorkflowsGaps() {
    }
}
