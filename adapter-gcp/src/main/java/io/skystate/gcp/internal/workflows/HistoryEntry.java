package io.skystate.gcp.internal.workflows;

import io.skystate.api.workflow.StepExecution;
import java.time.Instant;
import java.util.Optional;

/**
 * One stored history entry (one visit of a step): times in epoch microseconds from the workflow's clock, the
 * attempts so far, the nonce of the latest attempt, and {@code closed} once its outcome is final (a provisional
 * outcome written by the task endpoint can still change; a closed one cannot). {@code depth} and {@code seq} order
 * entries that started at the same instant: a parallel step before its branches' steps, then visit order.
 */
record HistoryEntry(String path, String kind, String outcome, long startedMicros, Long endedMicros, int attempts,
        String error, String cause, String nonce, boolean closed, int depth, long seq) {

    static HistoryEntry open(String visit, String path, String kind, long startedMicros) {
        return new HistoryEntry(path, kind, "RUNNING", startedMicros, null, 0, null, null, null, false, depth(visit),
                seq(visit));
    }

    HistoryEntry attempt(int number, String attemptNonce) {
        return new HistoryEntry(path, kind, "RUNNING", startedMicros, null, number, null, null, attemptNonce, false,
                depth, seq);
    }

    HistoryEntry outcome(String newOutcome, Long ended, int newAttempts, String newError, String newCause,
            boolean close) {
        return new HistoryEntry(path, kind, newOutcome, startedMicros, ended, newAttempts, newError, newCause, nonce,
                close, depth, seq);
    }

    StepExecution toExecution() {
        return new StepExecution(path, kind, StepExecution.Outcome.valueOf(outcome), micros(startedMicros),
                Optional.ofNullable(endedMicros).map(e -> micros(Math.max(e, startedMicros))), attempts,
                Optional.ofNullable(error), Optional.ofNullable(cause));
    }

    private static Instant micros(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
    }

    /** Nesting of a visit id: {@code m12} is 0, {@code m3.1.0.5} (step 5 of branch 0, fork 1 of visit m3) is 1. */
    static int depth(String visit) {
        return (int) visit.chars().filter(c -> c == '.').count() / 3;
    }

    static long seq(String visit) {
        int start = Math.max(visit.lastIndexOf('.'), visit.lastIndexOf('m')) + 1;
        try {
            return Long.parseLong(visit.substring(start));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
