package io.skystate.azure.internal.durable;

import io.skystate.api.KeyRing;
import io.skystate.api.Skystate;
import io.skystate.api.WorkflowPortability;
import io.skystate.conformance.ConformanceTarget;
import io.skystate.conformance.Gaps;
import io.skystate.conformance.Timing;
import io.skystate.core.crypto.Keys;
import io.skystate.emulators.DurableTaskSidecar;
import io.skystate.local.LocalSkystate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Binds the workflow suites to the Durable engine on the durabletask-go sidecar (adapter id {@code azure-durable}).
 * Every instance gets a sidecar of its own (its own task hub: the engine's orchestration and activity names are
 * fixed, so two instances on one sidecar would run each other's work items) and an in-memory {@link LocalSkystate}
 * for the stores, queues and handlers. Durable instances keep both the sidecar's and the local adapter's data in
 * files, and {@link #reopen} restarts the application side (engine, workers, local instance) on the same task hub,
 * as a restarted Functions app would.
 */
public final class DurableTarget implements ConformanceTarget {
    public static final DurableTarget INSTANCE = new DurableTarget();
    /** Far above the longest step any rule runs: the sidecar re-dispatches an activity that outlives its lock. */
    static final Duration LOCK_TIMEOUT = Duration.ofMinutes(2);
    private static final Path DURABLE_ROOT = Path.of("target", "conformance-durable");

    private final Map<Skystate, Owned> owned = Collections.synchronizedMap(new IdentityHashMap<>());

    /** What an instance handed out owns besides itself. */
    private record Owned(DurableTaskSidecar sidecar, Path file, KeyRing keys) {
    }

    private DurableTarget() {
    }

    @Override
    public String adapterId() {
        return "azure-durable";
    }

    @Override
    public Skystate open() {
        return open(LocalSkystate.inMemory(), null);
    }

    @Override
    public Skystate open(KeyRing callbackKeys, KeyRing sessionKeys) {
        return open(LocalSkystate.builder().callbackKeys(callbackKeys).sessionKeys(sessionKeys).build(), null);
    }

    private Skystate open(LocalSkystate local, Path sidecarDb) {
        DurableTaskSidecar.Options options = DurableTaskSidecar.Options.defaults().lockTimeout(LOCK_TIMEOUT);
        DurableTaskSidecar sidecar = DurableTaskSidecar.start(sidecarDb == null ? options : options.database(sidecarDb));
        KeyRing keys = Keys.randomRing("azure");
        DurableTestInstance instance = new DurableTestInstance(local, sidecar.host(), sidecar.port(), keys,
                WorkflowPortability.PORTABLE, DurableWorkflowEngine.DEFAULT_WORKERS);
        owned.put(instance, new Owned(sidecar, null, keys));
        instance.afterClose(() -> {
            owned.remove(instance);
            sidecar.close();
        });
        return instance;
    }

    @Override
    public Skystate openDurable() {
        try {
            Files.createDirectories(DURABLE_ROOT);
            Path dir = Files.createTempDirectory(DURABLE_ROOT, "azure-");
            DurableTaskSidecar sidecar = DurableTaskSidecar.start(DurableTaskSidecar.Options.defaults()
                    .lockTimeout(LOCK_TIMEOUT).database(dir.resolve("taskhub.db")));
            return durable(sidecar, dir.resolve("skystate.db"), Keys.randomRing("azure"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for a durable instance", e);
        }
    }

    @Override
    public Skystate reopen(Skystate previous) {
        Owned was = owned.remove(previous);
        if (was == null || was.file() == null) {
            throw new IllegalArgumentException("reopen takes an instance from openDurable() or reopen()");
        }
        ((DurableTestInstance) previous).closeApplication();
        return durable(was.sidecar(), was.file(), was.keys());
    }

    private Skystate durable(DurableTaskSidecar sidecar, Path file, KeyRing keys) {
        DurableTestInstance instance = new DurableTestInstance(LocalSkystate.builder().file(file).build(),
                sidecar.host(), sidecar.port(), keys, WorkflowPortability.PORTABLE, DurableWorkflowEngine.DEFAULT_WORKERS);
        owned.put(instance, new Owned(sidecar, file, keys));
        instance.afterClose(() -> {
            owned.remove(instance);
            sidecar.close();
        });
        return instance;
    }

    /** Emulator round trips and the sidecar's polling make runs slower than in-process. */
    @Override
    public Timing timing() {
        return Timing.DEFAULT.scaledBy(2.5);
    }

    @Override
    public Gaps gaps() {
        return Gaps.none();
    }
}
