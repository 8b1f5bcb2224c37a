package io.skystate.local.internal.workflow;

/**
 * One thread of control of a run: the root frame, or one per branch of a parallel step. {@code scope} locates the
 * frame's steps in the definition ({@code ""} for the top level, {@code "fanout/1/"} for branch 1 of step
 * {@code fanout}, nested as needed). {@code phase} records progress inside a multi-stage step (a callback issued,
 * a wait begun, branches forked) so that a restart resumes instead of repeating it.
 */
record Frame(String runId, long frameId, Long parentFrame, Integer branch, String scope, String step, byte[] data,
        String state, String phase, int attempt, long wakeAt, String callbackId, String callbackToken,
        Long historySeq) {
    static final String READY = "READY";
    static final String WAITING = "WAITING";
    static final String JOINING = "JOINING";
    static final String DONE = "DONE";
    static final String FAILED = "FAILED";
    static final String CANCELLED = "CANCELLED";

    Frame at(String nextStep, byte[] nextData) {
        return new Frame(runId, frameId, parentFrame, branch, scope, nextStep, nextData, READY, null, 0, 0, null, null,
                null);
    }

    Frame with(String newState, String newPhase, int newAttempt, long newWakeAt) {
        return new Frame(runId, frameId, parentFrame, branch, scope, step, data, newState, newPhase, newAttempt,
                newWakeAt, callbackId, callbackToken, historySeq);
    }

    Frame withData(byte[] newData) {
        return new Frame(runId, frameId, parentFrame, branch, scope, step, newData, state, phase, attempt, wakeAt,
                callbackId, callbackToken, historySeq);
    }

    Frame withCallback(String id, String token) {
        return new Frame(runId, frameId, parentFrame, branch, scope, step, data, state, phase, attempt, wakeAt, id,
                token, historySeq);
    }

    Frame withHistory(Long seq) {
        return new Frame(runId, frameId, parentFrame, branch, scope, step, data, state, phase, attempt, wakeAt,
                callbackId, callbackToken, seq);
    }

    String path() {
        return scope + step;
    }
}
