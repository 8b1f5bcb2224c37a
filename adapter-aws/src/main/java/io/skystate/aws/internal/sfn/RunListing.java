package io.skystate.aws.internal.sfn;

import io.skystate.api.NotFoundException;
import io.skystate.api.workflow.RunPage;
import io.skystate.api.workflow.RunQuery;
import io.skystate.api.workflow.RunSummary;
import io.skystate.api.workflow.WorkflowRun;
import io.skystate.core.workflow.ops.RunIndex;
import io.skystate.core.workflow.ops.RunPageTokens;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * {@code runs(query)} on Step Functions: the core {@link RunIndex} kept in the registry store (ListExecutions lists
 * one state machine at a time, filters one status and pages without a stable position), each listed run's status
 * read from its execution when the page is read. A run is indexed when it is started, with the start time Step
 * Functions reports. Thread-safe.
 */
final class RunListing {
    private final RunIndex index;

    RunListing(EngineParts parts, RunPageTokens tokens) {
        this.index = new RunIndex(parts.registry(), parts.codec(), tokens);
    }

    /** Indexes a started run (idempotent). */
    void add(WorkflowRun run) {
        index.add(new RunIndex.Entry(run.instanceId(), run.workflow(), run.version(), run.startedAt()));
    }

    /** One page of the runs matching {@code query}; {@code runs} reads a run, {@code redrives} its redrive count. */
    RunPage list(RunQuery query, Function<String, WorkflowRun> runs, ToIntFunction<String> redrives) {
        return index.list(query, entry -> {
            WorkflowRun run;
            try {
                run = runs.apply(entry.instanceId());
            } catch (NotFoundException gone) {
                return Optional.empty();
            }
            return Optional.of(new RunSummary(run.instanceId(), run.workflow(), run.version(), run.status(),
                    run.startedAt(), run.endedAt(), run.error(), redrives.applyAsInt(entry.instanceId())));
        });
    }
}
