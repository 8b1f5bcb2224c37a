package io.skystate.api.state;

import io.skystate.api.SkystateException;

/**
 * A transaction was not applied. Nothing it contained was written. {@link #failedOperation()} is the index of the
 * operation whose condition failed (or -1 when the cause was not a single operation, such as a conflict with a
 * concurrent transaction, which is {@linkplain #retryable() retryable}).
 */
public class TransactionFailedException extends SkystateException {
    private static final long serialVersionUID = 1L;

    /** Why an operation failed. */
    public enum Reason { CONDITION_FAILED, CONFLICT, INVALID }

    private final int failedOperation;
    private final Reason reason;

    public TransactionFailedException(String provider, int failedOperation, Reason reason, String message,
            Throwable cause) {
        super("TRANSACTION_FAILED", reason == Reason.CONFLICT, provider, message, cause);
        this.failedOperation = failedOperation;
        this.reason = reason;
    }

    /** Index into {@link Transaction#operations()} of the operation that failed, or -1. */
    public int failedOperation() {
        return failedOperation;
    }

    public Reason reason() {
        return reason;
    }
}
