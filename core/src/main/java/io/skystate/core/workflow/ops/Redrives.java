package io.skystate.core.workflow.ops;

import io.skystate.api.workflow.RunStateException;
import io.skystate.api.workflow.RunStatus;
import io.skystate.api.workflow.StepExecution;
import io.skystate.api.workflow.WorkflowRun;
import io.skystate.api.workflow.Workflows;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a run may be {@linkplain Workflows#redrive redriven}, judged the same way by every engine, and where it
 * restarts, both read from what every engine has: the run's status, its portable history and its redrive count.
 * Pure; thread-safe.
 */
public final class Redrives {
    private static final String COMPENSATION = "compensation";
    private static final String FAIL = "fail";

    private Redrives() {
    }

    /**
     * What decides a redrive. {@code status} as {@link Workflows#run} reports it (a compensating run is RUNNING);
     * {@code compensated}: the failure ran compensations; {@code endedAtFailStep}: the run failed at a top-level
     * {@code fail} step.
     */
    public record Facts(RunStatus status, boolean compensated, boolean endedAtFailStep, int redriveCount) {
        public Facts {
            Objects.requireNonNull(status, "status");
        }

        /**
         * The facts of a run from its history: compensations ran if it has a {@code compensation} entry (a run whose
         * compensations ran is never redriven, so every such entry belongs to its last failure); it ended at a fail
         * step if its last top-level entry is a FAILED {@code fail} step.
         */
        public static Facts of(RunStatus status, List<StepExecution> history, int redriveCount) {
            boolean compensated = history.stream().anyMatch(e -> COMPENSATION.equals(e.kind()));
            boolean atFail = status == RunStatus.FAILED && lastTopLevel(history)
                    .filter(e -> FAIL.equals(e.kind()) && e.outcome() == StepExecution.Outcome.FAILED).isPresent();
            return new Facts(status, compensated, atFail, redriveCount);
        }
    }

    /** Why the run may not be redriven, or empty when it may. */
    public static Optional<String> refusal(String instanceId, Facts facts) {
        String run = "run '" + instanceId + "' ";
        return switch (facts.status()) {
            case RUNNING -> Optional.of(run + "is still running: only a failed or timed-out run can be redriven");
            case SUCCEEDED -> Optional.of(run + "succeeded: only a failed or timed-out run can be redriven");
            case CANCELLED -> Optional.of(run + "was cancelled: only a failed or timed-out run can be redriven");
            case FAILED, TIMED_OUT -> {
                if (facts.compensated()) {
                    yield Optional.of(run + "failed and ran its compensations, which undid what a redrive would build"
                            + " on; start a new run instead");
                }
                if (facts.endedAtFailStep()) {
                    yield Optional.of(run + "ended at a fail step, so a redrive would fail the same way");
                }
                if (facts.redriveCount() >= Workflows.MAX_REDRIVES) {
                    yield Optional.of(run + "was redriven " + facts.redriveCount() + " times, the most a run may be ("
                            + Workflows.MAX_REDRIVES + ")");
                }
                yield Optional.empty();
            }
        };
    }

    /** Throws {@link RunStateException} with the reason unless the run may be redriven. */
    public static void check(String provider, String instanceId, Facts facts) {
        Optional<String> refusal = refusal(instanceId, facts);
        if (refusal.isPresent()) {
            throw new RunStateException(provider, refusal.get());
        }
    }

    /**
     * The top-level step a redrive restarts at: that of the run's last top-level history entry (the step whose
     * failure ended it, or the one running when it timed out; compensation entries aside). Empty for a run without
     * one, which cannot happen once a run has started a step.
     */
    public static Optional<String> restartStep(List<StepExecution> history) {
        return lastTopLevel(history).map(StepExecution::path);
    }

    /**
     * What {@link Workflows#redrive} returns: the run as the redrive left it, RUNNING with its end, error and output
     * cleared and its start kept. Built from a snapshot of the run rather than read back after the restart, which
     * would race with the restarted step (a step that fails at once may have ended the run again already).
     */
    public static WorkflowRun restarted(WorkflowRun run) {
        return new WorkflowRun(run.instanceId(), run.workflow(), run.version(), RunStatus.RUNNING, Optional.empty(),
                Optional.empty(), Optional.empty(), run.startedAt(), Optional.empty());
    }

    private static Optional<StepExecution> lastTopLevel(List<StepExecution> history) {
        for (int i = history.size() - 1; i >= 0; i--) {
            StepExecution entry = history.get(i);
            if (!entry.path().contains("/") && !COMPENSATION.equals(entry.kind())) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }
}
