package io.skystate.core.idempotency;

/**
 * What the idempotency layer stores per key: the claim's status, a hash of the canonical input, and (once
 * completed) the handler's JSON output as text.
 */
record IdempotencyRecord(String status, String payloadHash, String resultJson) {
    static final String IN_PROGRESS = "IN_PROGRESS";
    static final String COMPLETED = "COMPLETED";

    boolean completed() {
        return COMPLETED.equals(status);
    }
}
