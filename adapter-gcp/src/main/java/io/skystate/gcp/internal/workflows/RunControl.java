package io.skystate.gcp.internal.workflows;

import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.StatusCode;
import io.skystate.api.workflow.RunStatus;
import io.skystate.api.workflow.WorkflowErrors;
import java.util.Optional;

/**
 * Stops runs from outside their steps: cancellation by a caller, and the workflow timeout, which Cloud Workflows
 * does not have (an execution runs up to a year; there is no per-execution deadline), so the engine enforces it:
 * the sweeper, and every {@code run()} of an overdue run, cancel the execution and mark the run TIMED_OUT. A
 * stopped run's record says why (set before the execution is cancelled, so no reader sees a bare CANCELLED), its
 * pending callbacks are failed (late completions are rejected) and its open history entries are CANCELLED. No
 * compensation runs, as on every engine. Thread-safe.
 */
final class RunControl {
    private final EngineContext ctx;
    private final RunRegistry runs;
    private final HistoryStore history;
    private final CallbackRelay relay;
    private final EventWaits events;

    RunControl(EngineContext ctx, RunRegistry runs, HistoryStore history, CallbackRelay relay, EventWaits events) {
        this.events = events;
        this.ctx = ctx;
        this.runs = runs;
        this.history = history;
        this.relay = relay;
    }

    /** Stops a running run with {@code status} (CANCELLED or TIMED_OUT); false when it had already ended. */
    boolean stop(String id, RunStatus status, String cause) {
        Optional<RunRecord> stopped = runs.update(id, r -> r.stop() != null ? null : r.stopped(status.name(), cause));
        if (stopped.isEmpty()) {
            return false;
        }
        boolean cancelled = true;
        Optional<String> execution = runs.sealOrExecution(id);
        if (execution.isPresent()) {
            try {
                ctx.executionsApi().cancelExecution(execution.get());
            } catch (ApiException e) {
                if (!GcpErrors.is(e, StatusCode.Code.FAILED_PRECONDITION) && !GcpErrors.is(e, StatusCode.Code.NOT_FOUND)) {
                    runs.update(id, r -> r.stopped(null, null));
                    throw GcpErrors.translate("cancel " + id, e);
                }
                cancelled = false; // it had ended on its own: its own outcome stands
            }
        }
        relay.invalidateRun(id);
        events.clear(id);
        if (cancelled) {
            history.closeOpen(id, "CANCELLED");
        }
        return cancelled;
    }

    /** Drops what a finished run's signals left (events not consumed, waiters). */
    void ended(String id) {
        events.clear(id);
    }

    /** Times out every run past its deadline; returns how many it stopped. */
    int timeOutOverdue() {
        int stopped = 0;
        long now = ctx.clock().millis();
        for (String id : runs.overdue(now, 100)) {
            RunRecord record = runs.find(id).orElse(null);
            if (record != null && record.stop() == null && stop(id, RunStatus.TIMED_OUT, timeoutCause())) {
                stopped++;
            }
            if (record != null && record.deadline() != null) {
                runs.dropDeadline(id, record.deadline());
            }
        }
        return stopped;
    }

    static String timeoutCause() {
        return "the workflow ran past its timeout";
    }

    /** The error a stopped run reports. */
    static String error(RunStatus status) {
        return status == RunStatus.TIMED_OUT ? WorkflowErrors.TIMEOUT : WorkflowErrors.CANCELLED;
    }
}
