package io.skystate.gcp.conformance;

import io.skystate.conformance.Gaps;

/**
 * Every conformance rule the Google Cloud adapter cannot show on its emulators, in one place, with the reason and the
 * emulator source that shows it. Each one is an emulator limitation, not an adapter one.
 */
final class GcpGaps {
    static final Gaps EMULATORS = Gaps.builder().build();

    private GcpGaps() {
    }
}
