package io.skystate.gcp.internal.firestore;

import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Firestore;
import io.skystate.api.PayloadTooLargeException;
import io.skystate.api.SkystateException;
import io.skystate.api.state.Key;
import io.skystate.api.state.StateLimits;
import io.skystate.api.state.Transaction;
import io.skystate.api.state.TransactionFailedException;
import io.skystate.api.state.TransactionOperation;
import io.skystate.api.state.Version;
import io.skystate.core.state.WriteGuard;
import io.skystate.gcp.internal.GcpErrors;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Portable transactions as one Firestore transaction: read every addressed document, check each operation's
 * condition in order (expired counts as absent), then set, delete or (for checks) only keep the read lock, and
 * commit. Firestore transactions may span any documents, so several groups are allowed
 * ({@code CROSS_GROUP_TRANSACTIONS}). The first failed condition is reported by its index; contention the client's
 * retries could not resolve ({@code ABORTED}) is a retryable {@link TransactionFailedException.Reason#CONFLICT}.
 * Firestore caps a commit request at 10 MiB, less than 100 portable records of 400,000 bytes, so larger transactions
 * are rejected before any call.
 */
final class FirestoreTransactions {
    /** The sum of record sizes a transaction may carry: Firestore's 10 MiB request cap, less room for the request. */
    static final int MAX_TRANSACTION_BYTES = 10 * 1024 * 1024 - 64 * 1024;

    private final String store;
    private final StoreLayout layout;
    private final Firestore firestore;
    private final WriteGuard guard;
    private final Clock clock;

    FirestoreTransactions(String store, StoreLayout layout, Firestore firestore, WriteGuard guard, Clock clock) {
        this.store = store;
        this.layout = layout;
        this.firestore = firestore;
        this.guard = guard;
        this.clock = clock;
    }

    Map<Key, Version> apply(Transaction transaction) {
        guard.checkTransaction(transaction, true);
        checkTotalSize(transaction);
        List<TransactionOperation> ops = transaction.operations();
        DocumentReference[] refs = ops.stream().map(op -> layout.record(firestore, store, op.key()))
                .toArray(DocumentReference[]::new);
        Map<Key, Version> versions = new LinkedHashMap<>();
        ops.stream().filter(op -> op instanceof TransactionOperation.Put).forEach(op -> versions.put(op.key(), Records.newVersion()));
        try {
            return GcpErrors.await("transaction on " + store, firestore.runTransaction(tx -> {
                List<DocumentSnapshot> current = GcpErrors.join(tx.getAll(refs));
                long now = clock.millis();
                for (int i = 0; i < ops.size(); i++) {
                    TransactionOperation op = ops.get(i);
                    if (!Conditions.holds(condition(op), current.get(i), now)) {
                        throw new TransactionFailedException(GcpErrors.PROVIDER, i,
                                TransactionFailedException.Reason.CONDITION_FAILED, "operation " + i + " on " + op.key()
                                        + " failed: " + Conditions.describe(condition(op)), null);
                    }
                }
                for (int i = 0; i < ops.size(); i++) {
                    if (ops.get(i) instanceof TransactionOperation.Put put) {
                        tx.set(refs[i], Records.fields(put.key(), put.value(), versions.get(put.key()),
                                put.options().expiresAt()));
                    } else if (ops.get(i) instanceof TransactionOperation.Delete) {
                        tx.delete(refs[i]);
                    }
                }
                return versions;
            }));
        } catch (TransactionFailedException e) {
            throw e;
        } catch (SkystateException e) {
            if (e.retryable()) {
                throw new TransactionFailedException(GcpErrors.PROVIDER, -1, TransactionFailedException.Reason.CONFLICT,
                        "transaction on " + store + " did not commit: " + e.getMessage(), e);
            }
            throw e;
        }
    }

    private static io.skystate.api.state.Condition condition(TransactionOperation op) {
        if (op instanceof TransactionOperation.Put put) {
            return put.options().condition();
        }
        return op instanceof TransactionOperation.Delete delete ? delete.condition()
                : ((TransactionOperation.Check) op).condition();
    }

    private static void checkTotalSize(Transaction transaction) {
        long total = 0;
        for (TransactionOperation op : transaction.operations()) {
            if (op instanceof TransactionOperation.Put put) {
                total += StateLimits.recordSize(put.key(), put.value());
            }
        }
        if (total > MAX_TRANSACTION_BYTES) {
            throw new PayloadTooLargeException(GcpErrors.PROVIDER, "the transaction's records add up to " + total
                    + " bytes; a Firestore commit carries at most " + MAX_TRANSACTION_BYTES);
        }
    }
}
