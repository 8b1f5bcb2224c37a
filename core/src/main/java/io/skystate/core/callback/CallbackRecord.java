package io.skystate.core.callback;

import io.skystate.api.callback.CallbackStatus;

/**
 * The stored state of one callback (times in epoch millis). The effective deadline is the earlier of the hard
 * {@code expiresAt} and the last heartbeat plus the heartbeat timeout. {@code pendingIndex} is the id of its entry
 * in the sweep's due-time index ({@link PendingIndex}).
 */
record CallbackRecord(CallbackStatus status, String label, long createdAt, long expiresAt, Long heartbeatTimeoutMs,
        long lastHeartbeatAt, String completionQueue, String resultJson, String errorType, String errorMessage,
        Long resolvedAt, boolean notified, String pendingIndex) {

    long deadline() {
        return heartbeatTimeoutMs == null ? expiresAt : Math.min(expiresAt, lastHeartbeatAt + heartbeatTimeoutMs);
    }

    boolean overdue(long now) {
        return status == CallbackStatus.PENDING && now >= deadline();
    }

    CallbackRecord heartbeat(long now) {
        return new CallbackRecord(status, label, createdAt, expiresAt, heartbeatTimeoutMs, now, completionQueue,
                null, null, null, null, false, pendingIndex);
    }

    CallbackRecord resolve(CallbackStatus outcome, String result, String type, String message, long now) {
        return new CallbackRecord(outcome, label, createdAt, expiresAt, heartbeatTimeoutMs, lastHeartbeatAt,
                completionQueue, result, type, message, now, false, pendingIndex);
    }

    CallbackRecord markNotified() {
        return new CallbackRecord(status, label, createdAt, expiresAt, heartbeatTimeoutMs, lastHeartbeatAt,
                completionQueue, resultJson, errorType, errorMessage, resolvedAt, true, pendingIndex);
    }

    CallbackRecord indexedAs(String index) {
        return new CallbackRecord(status, label, createdAt, expiresAt, heartbeatTimeoutMs, lastHeartbeatAt,
                completionQueue, resultJson, errorType, errorMessage, resolvedAt, notified, index);
    }
}
