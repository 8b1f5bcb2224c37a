package io.skystate.azure.internal.durable;

import io.skystate.api.NotFoundException;
import io.skystate.api.SkystateException;
import io.skystate.api.callback.CallbackStatus;
import io.skystate.api.workflow.PendingCallback;
import io.skystate.api.workflow.RunPage;
import io.skystate.api.workflow.RunQuery;
import io.skystate.api.workflow.RunSummary;
import io.skystate.api.workflow.WorkflowRun;
import io.skystate.core.workflow.ops.RunIndex;
import io.skystate.core.workflow.ops.RunPageTokens;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What {@code runs} and {@code pendingCallbacks} read on Durable Task.
 *
 * <p><b>Runs</b> come from core's {@link RunIndex} in the registry store, written when a run is started (before its
 * orchestration is scheduled), not from Durable's instance query: that query filters by creation time and runtime
 * status only, cannot tell a Skystate run from its parallel branches' sub-orchestrations but by name, reports a
 * terminated run as TERMINATED whatever Skystate status (cancelled, timed out) it ended with, orders by nothing
 * documented, and pages with a continuation token that is neither bound to the query nor stable against later
 * starts. The index keeps what never changes (workflow, version, start); each listed run's status, end and error
 * are read as {@link DurableWorkflows#run} reports them when the page is read, the redrive count from the registry.
 * Pages filtered by status can be short or empty and still have a next page.
 *
 * <p><b>Pending callbacks</b> are the callbacks the run's instances recorded waiting on ({@link RunRegistry}) that
 * the callback service still reports PENDING; none once the run has finished. Thread-safe.
 */
final class RunListing {
    private final EngineParts parts;
    private final RunIndex index;
    private final Function<String, WorkflowRun> runs;

    RunListing(EngineParts parts, RunPageTokens tokens, Function<String, WorkflowRun> runs) {
        this.parts = parts;
        this.index = new RunIndex(parts.registry().store(), parts.codec(), tokens);
        this.runs = runs;
    }

    /** Indexes a run being started; idempotent. */
    void add(String instanceId, RunRegistry.RunRecord record) {
        index.add(new RunIndex.Entry(instanceId, record.workflow(), record.version(),
                Instant.ofEpochMilli(record.startedAt())));
    }

    RunPage runs(RunQuery query) {
        return index.list(query, this::summary);
    }

    private Optional<RunSummary> summary(RunIndex.Entry entry) {
        WorkflowRun run;
        RunRegistry.RunRecord record;
        try {
            record = parts.registry().requireRun(parts.provider(), entry.instanceId());
            run = runs.apply(entry.instanceId());
        } catch (NotFoundException recordedButNotStarted) {
            return Optional.empty();
        }
        return Optional.of(new RunSummary(run.instanceId(), run.workflow(), run.version(), run.status(),
                run.startedAt(), run.status().finished() ? run.endedAt() : Optional.empty(),
                run.status().finished() ? run.error() : Optional.empty(), record.redriveCount()));
    }

    List<PendingCallback> pendingCallbacks(String instanceId) {
        if (runs.apply(instanceId).status().finished()) {
            return List.of();
        }
        List<PendingCallback> pending = new ArrayList<>();
        for (RunRegistry.CallbackWait wait : parts.registry().callbackWaits(instanceId)) {
            if (wait.callbackId() == null || wait.path() == null || !unresolved(wait.callbackId())) {
                continue;
            }
            Instant since = Instant.ofEpochMilli(wait.since());
            pending.add(new PendingCallback(instanceId, wait.path(), wait.token(), webUrl(wait.url()), since,
                    Instant.ofEpochMilli(wait.timeoutAt())));
        }
        return pending;
    }

    private boolean unresolved(String callbackId) {
        try {
            return parts.callbacks().outcome(callbackId).status() == CallbackStatus.PENDING;
        } catch (SkystateException gone) {
            return false;
        }
    }

    /** The callback's URL where the instance serves workflow callbacks over HTTP(S). */
    private static Optional<URI> webUrl(String url) {
        return Optional.ofNullable(url).map(URI::create)
                .filter(u -> "http".equals(u.getScheme()) || "https".equals(u.getScheme()));
    }
}
