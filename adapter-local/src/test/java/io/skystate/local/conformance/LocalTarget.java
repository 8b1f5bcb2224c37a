package io.skystate.local.conformance;

import io.skystate.api.KeyRing;
import io.skystate.api.Skystate;
import io.skystate.api.WorkflowWorkers;
import io.skystate.conformance.ConformanceTarget;
import io.skystate.conformance.Gaps;
import io.skystate.local.LocalSkystate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Binds the conformance suites to the embedded adapter, in memory, with HTTP endpoints on a free port. Durable
 * instances (restart rules) use a database file in a fresh directory under {@code target/conformance-durable}.
 */
public final class LocalTarget implements ConformanceTarget {
    public static final LocalTarget INSTANCE = new LocalTarget();
    private static final Path DURABLE_ROOT = Path.of("target", "conformance-durable");

    /** The database file of every durable instance handed out and not yet reopened. */
    private final Map<Skystate, Path> durableFiles = Collections.synchronizedMap(new IdentityHashMap<>());

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
    public Skystate openOperator() {
        return LocalSkystate.builder().workflowWorkers(WorkflowWorkers.OFF).build();
    }

    @Override
    public Skystate openDurable() {
        try {
            Files.createDirectories(DURABLE_ROOT);
            return openFile(Files.createTempDirectory(DURABLE_ROOT, "run-").resolve("skystate.db"));
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
        previous.close();
        return openFile(file);
    }

    private Skystate openFile(Path file) {
        Skystate skystate = LocalSkystate.builder().file(file).build();
        durableFiles.put(skystate, file);
        return skystate;
    }

    @Override
    public Gaps gaps() {
        return Gaps.none();
    }
}
