package io.skystate.cli.internal.command;

import io.skystate.api.workflow.PendingCallback;
import io.skystate.api.workflow.RunPage;
import io.skystate.api.workflow.RunQuery;
import io.skystate.api.workflow.RunStatus;
import io.skystate.api.workflow.RunSummary;
import io.skystate.api.workflow.Workflows;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The callbacks waiting in every running run (or the runs of one workflow): lists running runs page by page and asks
 * each for its pending callbacks. Stops after {@code maxRuns} runs; the API has no listing across runs.
 */
public final class PendingCallbacks {
    private PendingCallbacks() {
    }

    /** Pending callbacks of the running runs, newest run first, looking at no more than {@code maxRuns} runs. */
    public static List<PendingCallback> ofRunningRuns(Workflows workflows, Optional<String> workflow, int maxRuns) {
        RunQuery query = RunQuery.all().statuses(RunStatus.RUNNING).pageSize(RunQuery.MAX_PAGE_SIZE);
        if (workflow.isPresent()) {
            query = query.workflow(workflow.get());
        }
        List<PendingCallback> found = new ArrayList<>();
        int seen = 0;
        Optional<String> token = Optional.empty();
        do {
            RunPage page = workflows.runs(token.map(query::after).orElse(query));
            for (RunSummary run : page.runs()) {
                if (seen++ >= maxRuns) {
                    return found;
                }
                found.addAll(workflows.pendingCallbacks(run.instanceId()));
            }
            token = page.nextPageToken();
        } while (token.isPresent());
        return found;
    }
}
