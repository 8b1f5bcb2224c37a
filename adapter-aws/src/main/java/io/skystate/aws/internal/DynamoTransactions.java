package io.skystate.aws.internal;

import io.skystate.api.state.Condition;
import io.skystate.api.state.Key;
import io.skystate.api.state.Transaction;
import io.skystate.api.state.TransactionFailedException;
import io.skystate.api.state.TransactionOperation;
import io.skystate.api.state.Version;
import io.skystate.core.state.WriteGuard;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Transactions as {@code TransactWriteItems}: puts, deletes and condition checks with the same expired-is-absent
 * conditions as single writes. One {@code ClientRequestToken} per call makes the SDK's own retries idempotent. A
 * cancellation names the first operation whose condition failed; conflicts with other transactions are retryable.
 */
final class DynamoTransactions {
    private final String table;
    private final DynamoDbClient dynamo;
    private final WriteGuard guard;
    private final Clock clock;

    DynamoTransactions(String table, DynamoDbClient dynamo, WriteGuard guard, Clock clock) {
        this.table = table;
        this.dynamo = dynamo;
        this.guard = guard;
        this.clock = clock;
    }

    Map<Key, Version> apply(Transaction transaction, Supplier<Version> versions) {
        guard.checkTransaction(transaction, true);
        long now = clock.millis();
        Map<Key, Version> written = new LinkedHashMap<>();
        List<TransactWriteItem> items = new ArrayList<>();
        for (TransactionOperation op : transaction.operations()) {
            items.add(item(op, now, versions, written));
        }
        try {
            dynamo.transactWriteItems(b -> b.transactItems(items).clientRequestToken(UUID.randomUUID().toString()));
            return written;
        } catch (TransactionCanceledException e) {
            throw cancelled(transaction, e);
        } catch (SdkException e) {
            throw DynamoErrors.translate("transaction on " + table, e);
        }
    }

    private TransactWriteItem item(TransactionOperation op, long now, Supplier<Version> versions,
            Map<Key, Version> written) {
        if (op instanceof TransactionOperation.Put put) {
            Version version = versions.get();
            written.put(put.key(), version);
            DynamoConditions c = DynamoConditions.of(put.options().condition(), now);
            return TransactWriteItem.builder().put(p -> p.tableName(table)
                    .item(DynamoItems.item(put.key(), put.value(), version, put.options().expiresAt()))
                    .conditionExpression(c.expression().orElse(null)).expressionAttributeValues(c.valuesOrNull())).build();
        }
        if (op instanceof TransactionOperation.Delete delete) {
            DynamoConditions c = DynamoConditions.of(delete.condition(), now);
            return TransactWriteItem.builder().delete(d -> d.tableName(table).key(DynamoItems.key(delete.key()))
                    .conditionExpression(c.expression().orElse(null)).expressionAttributeValues(c.valuesOrNull())).build();
        }
        TransactionOperation.Check check = (TransactionOperation.Check) op;
        DynamoConditions c = DynamoConditions.of(check.condition(), now);
        return TransactWriteItem.builder().conditionCheck(k -> k.tableName(table).key(DynamoItems.key(check.key()))
                .conditionExpression(c.expression().orElseThrow()).expressionAttributeValues(c.valuesOrNull())).build();
    }

    private static TransactionFailedException cancelled(Transaction transaction, TransactionCanceledException e) {
        List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
        for (int i = 0; i < reasons.size(); i++) {
            if ("ConditionalCheckFailed".equals(reasons.get(i).code())) {
                TransactionOperation op = transaction.operations().get(i);
                return new TransactionFailedException(DynamoErrors.PROVIDER, i,
                        TransactionFailedException.Reason.CONDITION_FAILED,
                        "operation " + i + " on " + op.key() + " failed: " + describe(op), e);
            }
        }
        boolean conflict = reasons.stream().anyMatch(r -> "TransactionConflict".equals(r.code()));
        return new TransactionFailedException(DynamoErrors.PROVIDER, -1,
                conflict ? TransactionFailedException.Reason.CONFLICT : TransactionFailedException.Reason.INVALID,
                "transaction cancelled: " + reasons, e);
    }

    private static String describe(TransactionOperation op) {
        Condition condition = op instanceof TransactionOperation.Put p ? p.options().condition()
                : op instanceof TransactionOperation.Delete d ? d.condition() : ((TransactionOperation.Check) op).condition();
        return condition.kind() == Condition.Kind.IF_ABSENT ? "it already exists" : "it is absent or at another version";
    }
}
