package io.skystate.gcp.workflows;

import io.skystate.api.KeyRing;
import io.skystate.api.Skystate;
import io.skystate.conformance.ConformanceTarget;
import io.skystate.conformance.Gaps;
import io.skystate.conformance.Timing;
import io.skystate.local.LocalSkystate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Binds the workflow suites to the Cloud Workflows engine on Skystate's Workflows runner (not Google's engine), with
 * the local adapter providing state stores and handlers ({@link GcpWorkflowsStack}). Durable instances keep their
 * local database in a file and their function URL across {@link #reopen}, as a redeployed function would; the
 * runner (the "cloud") keeps running the executions meanwhile.
 */
final class GcpWorkflowsTarget implements ConformanceTarget {
    static final GcpWorkflowsTarget INSTANCE = new GcpWorkflowsTarget();
    private static final Path DURABLE_ROOT = Path.of("target", "conformance-durable");

    private final Map<Skystate, Path> durableFiles = Collections.synchronizedMap(new IdentityHashMap<>());

    private GcpWorkflowsTarget() {
    }

    @Override
    public String adapterId() {
        return "gcp-workflows";
    }

    @Override
    public Skystate open() {
        return GcpWorkflowsStack.open();
    }

    @Override
    public Skystate open(KeyRing callbackKeys, KeyRing sessionKeys) {
        return GcpWorkflowsStack.open(LocalSkystate.builder().callbackKeys(callbackKeys).sessionKeys(sessionKeys).build());
    }

    @Override
    public Skystate openDurable() {
        try {
            Files.createDirectories(DURABLE_ROOT);
            Path file = Files.createTempDirectory(DURABLE_ROOT, "gcp-").resolve("skystate.db");
            GcpWorkflowsStack stack = GcpWorkflowsStack.open(LocalSkystate.builder().file(file).build());
            durableFiles.put(stack, file);
            return stack;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for a durable instance", e);
        }
    }

    @Override
    public Skystate reopen(Skystate previous) {
        Path file = durableFiles.remove(previous);
        if (file == null) {
            throw new IllegalArgumentException("reopen takes an instance from openDurable() or reopen()");
        }
        GcpWorkflowsStack stack = GcpWorkflowsStack.reopen((GcpWorkflowsStack) previous,
                LocalSkystate.builder().file(file).build());
        durableFiles.put(stack, file);
        return stack;
    }

    @Override
    public Gaps gaps() {
        return GcpWorkflowsGaps.RUNNER;
    }

    /** Every step crosses HTTP twice (runner to function, engine to runner). */
    @Override
    public Timing timing() {
        return Timing.DEFAULT.scaledBy(2.0);
    }
}
