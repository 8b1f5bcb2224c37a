package io.skystate.gcp.internal.workflows;

import io.skystate.api.NotFoundException;
import io.skystate.api.workflow.PendingCallback;
import io.skystate.api.workflow.RunPage;
import io.skystate.api.workflow.RunQuery;
import io.skystate.api.workflow.RunSummary;
import io.skystate.api.workflow.WorkflowRun;
import io.skystate.core.workflow.ops.RunIndex;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Listing runs and their pending callbacks. Workflows' own execution listing is per workflow (one per definition
 * version here) and cannot filter by status or start range, so runs are listed from core's {@link RunIndex} in the
 * registry store ({@link Starts} adds each run before the start returns), newest start first, with each listed run's
 * status read as {@link io.skystate.api.workflow.Workflows#run} reports it. Pending callbacks are the run's relay
 * records whose Skystate callback is still pending ({@link CallbackRelay#pending}). Thread-safe.
 */
final class RunListing {
    private final RunIndex index;
    private final RunRegistry runs;
    private final RunViews views;
    private final CallbackRelay relay;

    RunListing(RunIndex index, RunRegistry runs, RunViews views, CallbackRelay relay) {
        this.index = index;
        this.runs = runs;
        this.views = views;
        this.relay = relay;
    }

    RunPage runs(RunQuery query) {
        return index.list(query, entry -> summary(entry.instanceId()));
    }

    List<PendingCallback> pendingCallbacks(String id) {
        runs.require(id);
        if (views.run(id).status().finished()) {
            return List.of();
        }
        return relay.pending(id).stream().sorted(Comparator.comparing(PendingCallback::stepPath)
                .thenComparing(PendingCallback::since)).toList();
    }

    private Optional<RunSummary> summary(String id) {
        try {
            WorkflowRun run = views.run(id);
            return Optional.of(new RunSummary(id, run.workflow(), run.version(), run.status(), run.startedAt(),
                    run.endedAt(), run.error(), 0));
        } catch (NotFoundException expired) {
            return Optional.empty();
        }
    }
}
