package io.skystate.observability.internal;

import io.opentelemetry.context.Context;
import io.skystate.api.AlreadyExistsException;
import io.skystate.api.VersionConflictException;
import io.skystate.api.state.Key;
import io.skystate.api.state.PutOptions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a run's start leaves for the processes that run its steps, in the observability store under the run's
 * instance id: the {@code workflow.start} span's W3C context and the workflow name, written with a create-if-absent
 * condition before the engine is asked to start (so no step can run before it is readable), expiring after the
 * configured time-to-live. The first observed {@code run}/{@code await} that sees the run finished marks the record
 * with a version condition: that is how a finished run is counted once. Reads are cached per process. Failures of
 * these calls are counted and never reach the application. Thread-safe.
 */
final class RunContexts {
    private static final String GROUP = "runs";
    private static final String FINISHED = "finished";

    private final StoredContexts stored;
    private final Telemetry telemetry;
    private final Duration ttl;
    /** Contexts by instance id; the root context when the run has no record (started by an unobserved instance). */
    private final Lru<String, Context> contexts = new Lru<>(4096);
    /** Runs whose finish this process has counted or seen counted. */
    private final Lru<String, Boolean> finished = new Lru<>(4096);

    RunContexts(StoredContexts stored, Telemetry telemetry, Duration ttl) {
        this.stored = stored;
        this.telemetry = telemetry;
        this.ttl = ttl;
    }

    /** Records {@code context} for a run about to start; true if this call created the record (a new run id). */
    boolean remember(String instanceId, String workflow, Context context) {
        try {
            Map<String, String> fields = StoredContexts.withContext(context, Map.of("workflow", workflow));
            stored.write(Key.of(GROUP, instanceId), fields,
                    PutOptions.ifAbsent().expiringAt(telemetry.clock().instant().plus(ttl)));
            contexts.put(instanceId, context);
            return true;
        } catch (AlreadyExistsException existing) {
            return false;
        } catch (RuntimeException e) {
            telemetry.failed("run.remember", e);
            return false;
        }
    }

    /** Removes the record {@link #remember} created when the start it was made for failed. */
    void forget(String instanceId) {
        contexts.remove(instanceId);
        try {
            stored.store().delete(Key.of(GROUP, instanceId));
        } catch (RuntimeException e) {
            telemetry.failed("run.forget", e);
        }
    }

    /** The context the run was started in, if an observed instance started it. */
    Optional<Context> context(String instanceId) {
        Optional<Context> cached = contexts.get(instanceId);
        if (cached.isPresent()) {
            return cached.filter(c -> c != Context.root());
        }
        try {
            Context context = stored.read(Key.of(GROUP, instanceId)).map(StoredContexts.Stored::context)
                    .orElse(Context.root());
            contexts.put(instanceId, context);
            return Optional.of(context).filter(c -> c != Context.root());
        } catch (RuntimeException e) {
            telemetry.failed("run.lookup", e);
            return Optional.empty();
        }
    }

    /** True once per run (among processes sharing the store): the caller counts it finished. */
    boolean claimFinish(String instanceId) {
        if (finished.get(instanceId).isPresent()) {
            return false;
        }
        try {
            var record = stored.read(Key.of(GROUP, instanceId));
            finished.put(instanceId, Boolean.TRUE);
            if (record.isEmpty() || record.get().field(FINISHED).isPresent()) {
                return false;
            }
            Map<String, String> fields = new LinkedHashMap<>(record.get().fields());
            fields.put(FINISHED, "true");
            stored.replace(record.get(), fields);
            return true;
        } catch (VersionConflictException raced) {
            return false;
        } catch (RuntimeException e) {
            telemetry.failed("run.finish", e);
            return false;
        }
    }

    /** A redriven run will finish again: clears the mark {@link #claimFinish} left. */
    void reopen(String instanceId) {
        finished.remove(instanceId);
        try {
            var record = stored.read(Key.of(GROUP, instanceId));
            if (record.isPresent() && record.get().field(FINISHED).isPresent()) {
                Map<String, String> fields = new LinkedHashMap<>(record.get().fields());
                fields.remove(FINISHED);
                stored.replace(record.get(), fields);
            }
        } catch (RuntimeException e) {
            telemetry.failed("run.reopen", e);
        }
    }
}
