package io.skystate.azure.internal.cosmos;

import com.azure.cosmos.models.CosmosBatch;
import com.azure.cosmos.models.CosmosBatchItemRequestOptions;
import com.azure.cosmos.models.CosmosBatchOperationResult;
import com.azure.cosmos.models.CosmosBatchResponse;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skystate.api.PayloadTooLargeException;
import io.skystate.api.SkystateException;
import io.skystate.api.TransientException;
import io.skystate.api.state.Condition;
import io.skystate.api.state.Key;
import io.skystate.api.state.Transaction;
import io.skystate.api.state.TransactionFailedException;
import io.skystate.api.state.TransactionOperation;
import io.skystate.api.state.Version;
import io.skystate.azure.internal.AzureErrors;
import io.skystate.azure.internal.Conditions;
import io.skystate.core.state.WriteGuard;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Transactions as a {@link CosmosBatch} on one logical partition (at most 100 operations). Each conditional
 * operation's item is read first and the condition evaluated with expired-is-absent; every batch operation then
 * carries the {@code _etag} it was evaluated against (a check is a read with {@code If-Match}, an if-absent on
 * nothing an invisible placeholder), so the batch commits only if nothing changed meanwhile, else it is planned
 * again. The batch payload is checked against {@value #MAX_BATCH_BYTES} bytes (Cosmos DB's 2 MB cap) before any
 * call.
 */
final class CosmosTransactions {
    static final long MAX_BATCH_BYTES = 2_000_000;

    private final CosmosCalls calls;
    private final WriteGuard guard;
    private final Clock clock;

    CosmosTransactions(CosmosCalls calls, WriteGuard guard, Clock clock) {
        this.calls = calls;
        this.guard = guard;
        this.clock = clock;
    }

    Map<Key, Version> apply(Transaction transaction) {
        guard.checkTransaction(transaction, false);
        checkPayload(transaction);
        PartitionKey pk = new PartitionKey(CosmosItems.partitionKey(transaction.operations().get(0).key().group()));
        for (int race = 0; race < CosmosStateStore.MAX_RACES; race++) {
            CosmosBatch batch = CosmosBatch.createCosmosBatch(pk);
            List<Integer> operationOf = new ArrayList<>();
            List<TransactionOperation> operations = transaction.operations();
            long now = clock.millis();
            for (int i = 0; i < operations.size(); i++) {
                if (plan(batch, i, operations.get(i), now)) {
                    operationOf.add(i);
                }
            }
            if (operationOf.isEmpty()) {
                return Map.of();
            }
            CosmosBatchResponse response;
            try {
                response = calls.container().executeCosmosBatch(batch);
            } catch (RuntimeException e) {
                throw AzureErrors.translate("transaction on " + calls.container().getId(), e);
            }
            if (response.isSuccessStatusCode()) {
                return versions(transaction, operationOf, response.getResults());
            }
            int status = failedStatus(response);
            if (status != 404 && status != 409 && status != 412) {
                throw new TransientException(AzureErrors.PROVIDER, "transaction on " + calls.container().getId()
                        + " failed with HTTP " + response.getStatusCode() + " (" + response.getErrorMessage() + ")");
            }
        }
        throw new TransactionFailedException(AzureErrors.PROVIDER, -1, TransactionFailedException.Reason.CONFLICT,
                "the transaction kept racing with concurrent writers", null);
    }

    /** Adds operation {@code index} to the batch; false if it has nothing to send. */
    private boolean plan(CosmosBatch batch, int index, TransactionOperation op, long now) {
        Key key = op.key();
        boolean blind = op instanceof TransactionOperation.Put p && p.options().condition().kind() == Condition.Kind.NONE;
        Conditions.Current current = blind ? null : CosmosItems.current(calls.read(key), now);
        String id = CosmosItems.id(key.id());
        try {
            if (op instanceof TransactionOperation.Put put) {
                ObjectNode item = CosmosItems.item(key, put.value(), put.options().expiresAt(), now, io.skystate.core.crypto.Keys.randomId());
                switch (Conditions.put(key, put.options().condition(), current)) {
                    case CREATE -> batch.createItemOperation(item);
                    case UPSERT -> batch.upsertItemOperation(item);
                    default -> batch.replaceItemOperation(id, item, ifMatch(current.etag()));
                }
                return true;
            }
            Conditions.Action action = op instanceof TransactionOperation.Delete delete
                    ? Conditions.delete(key, delete.condition(), current)
                    : Conditions.check(key, ((TransactionOperation.Check) op).condition(), current);
            switch (action) {
                case SKIP -> {
                    return false;
                }
                case GUARD_ABSENT -> batch.createItemOperation(CosmosItems.placeholder(key));
                case DELETE_IF_MATCH -> batch.deleteItemOperation(id, ifMatch(current.etag()));
                default -> batch.readItemOperation(id, ifMatch(current.etag()));
            }
            return true;
        } catch (SkystateException failed) {
            throw new TransactionFailedException(AzureErrors.PROVIDER, index,
                    TransactionFailedException.Reason.CONDITION_FAILED, "operation " + index + " on " + key + " failed: "
                            + failed.getMessage(), failed);
        }
    }

    private static Map<Key, Version> versions(Transaction transaction, List<Integer> operationOf,
            List<CosmosBatchOperationResult> results) {
        Map<Key, Version> written = new LinkedHashMap<>();
        for (int i = 0; i < results.size(); i++) {
            TransactionOperation op = transaction.operations().get(operationOf.get(i));
            if (op instanceof TransactionOperation.Put put) {
                Long expiresAt = put.options().expiresAt().map(java.time.Instant::toEpochMilli).orElse(null);
                written.put(op.key(), new Version(CosmosItems.versionOf(expiresAt, results.get(i).getETag())));
            }
        }
        return written;
    }

    /** The status of the operation that failed the batch (the others answer 424, failed dependency). */
    private static int failedStatus(CosmosBatchResponse response) {
        for (CosmosBatchOperationResult result : response.getResults()) {
            if (result.getStatusCode() != 424 && !result.isSuccessStatusCode()) {
                return result.getStatusCode();
            }
        }
        return response.getStatusCode();
    }

    private static CosmosBatchItemRequestOptions ifMatch(String etag) {
        return new CosmosBatchItemRequestOptions().setIfMatchETag(etag);
    }

    private static void checkPayload(Transaction transaction) {
        long bytes = 0;
        for (TransactionOperation op : transaction.operations()) {
            bytes += op instanceof TransactionOperation.Put put ? CosmosItems.payloadBytes(put.key(), put.value()) : 512;
        }
        if (bytes > MAX_BATCH_BYTES) {
            throw new PayloadTooLargeException(AzureErrors.PROVIDER, "the transaction's batch would be about " + bytes
                    + " bytes; a Cosmos DB transactional batch holds at most " + MAX_BATCH_BYTES
                    + " (split it, or store less per record)");
        }
    }
}
