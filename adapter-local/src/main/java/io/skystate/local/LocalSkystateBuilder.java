package io.skystate.local;

import io.skystate.api.KeyRing;
import io.skystate.api.WorkflowPortability;
import io.skystate.api.WorkflowWorkers;
import io.skystate.core.crypto.Keys;
import io.skystate.local.internal.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * Options of a {@link LocalSkystate}. Defaults: in memory, HTTP on an ephemeral loopback port, system UTC clock,
 * key rings generated (and, in file mode, stored in the database so tokens outlive restarts). Not thread-safe.
 */
public final class LocalSkystateBuilder {
    Path path;
    boolean fullSync;
    int httpPort = 0;
    KeyRing callbackKeys;
    KeyRing sessionKeys;
    Clock clock = Clock.systemUTC();
    WorkflowPortability workflowPortability = WorkflowPortability.PORTABLE;
    WorkflowWorkers workflowWorkers = WorkflowWorkers.ON;

    LocalSkystateBuilder() {
    }

    /** Keep everything in this database file (created if absent). */
    public LocalSkystateBuilder file(Path databaseFile) {
        this.path = Objects.requireNonNull(databaseFile);
        return this;
    }

    /** fsync every commit ({@code synchronous=FULL}): survives power loss, not only a killed process. */
    public LocalSkystateBuilder fullSync(boolean enabled) {
        this.fullSync = enabled;
        return this;
    }

    /** Serve callback and handler endpoints on this loopback port (0: any free port). */
    public LocalSkystateBuilder httpPort(int port) {
        this.httpPort = port;
        return this;
    }

    /** No HTTP endpoints; callback URLs are then not reachable. */
    public LocalSkystateBuilder withoutHttp() {
        this.httpPort = -1;
        return this;
    }

    public LocalSkystateBuilder callbackKeys(KeyRing keys) {
        this.callbackKeys = keys;
        return this;
    }

    public LocalSkystateBuilder sessionKeys(KeyRing keys) {
        this.sessionKeys = keys;
        return this;
    }

    public LocalSkystateBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
        return this;
    }

    /**
     * Which workflow definitions to accept: {@link WorkflowPortability#PORTABLE} (default) rejects what any
     * supported cloud cannot run; {@link WorkflowPortability#ADAPTER_EXTRAS} also accepts compensation inside
     * parallel branches and wide or deep parallel steps, which only this engine runs.
     */
    public LocalSkystateBuilder workflowPortability(WorkflowPortability portability) {
        this.workflowPortability = Objects.requireNonNull(portability);
        return this;
    }

    /**
     * Whether this instance runs workflow steps ({@link WorkflowWorkers#ON}, the default) or only operates runs
     * ({@link WorkflowWorkers#OFF}: for operator tools and processes without the application's handlers).
     */
    public LocalSkystateBuilder workflowWorkers(WorkflowWorkers workers) {
        this.workflowWorkers = io.skystate.api.Arguments.notNull(workers, "workers");
        return this;
    }

    public LocalSkystate build() {
        return new LocalSkystate(this);
    }

    KeyRing storedRing(Database database, String purpose) {
        return database.durable() ? io.skystate.local.internal.KeyRingStore.loadOrCreate(database, purpose)
                : Keys.randomRing("local");
    }
}
