package io.skystate.local.conformance;

import io.skystate.api.KeyRing;
import io.skystate.api.Skystate;
import io.skystate.conformance.ConformanceTarget;
import io.skystate.conformance.Gaps;
import io.skystate.local.LocalSkystate;

/** Binds the conformance suites to the embedded adapter, in memory, with HTTP endpoints on a free port. */
public final class LocalTarget implements ConformanceTarget {
    public static final LocalTarget INSTANCE = new LocalTarget();

    private LocalTarget() {
    }

    @Override
    public String adapterId() {
        return "local";
    }

    @Override
    public Skystate open() {
        return LocalSkystate.inMemory();
    }

    @Override
    public Skystate open(KeyRing callbackKeys, KeyRing sessionKeys) {
        return LocalSkystate.builder().callbackKeys(callbackKeys).sessionKeys(sessionKeys).build();
    }

    @Override
    public Gaps gaps() {
        return Gaps.none();
    }
}
