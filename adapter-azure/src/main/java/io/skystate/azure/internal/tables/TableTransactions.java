package io.skystate.azure.internal.tables;

import com.azure.core.util.Context;
import com.azure.data.tables.TableClient;
import com.azure.data.tables.models.TableEntity;
import com.azure.data.tables.models.TableTransactionAction;
import com.azure.data.tables.models.TableTransactionActionType;
import com.azure.data.tables.models.TableTransactionFailedException;
import io.skystate.api.PayloadTooLargeException;
import io.skystate.api.SkystateException;
import io.skystate.api.state.Condition;
import io.skystate.api.state.Key;
import io.skystate.api.state.Transaction;
import io.skystate.api.state.TransactionFailedException;
import io.skystate.api.state.TransactionOperation;
import io.skystate.api.state.Version;
import io.skystate.azure.internal.AzureErrors;
import io.skystate.azure.internal.Conditions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Transactions as entity-group transactions (one PartitionKey, at most 100 actions). Each operation's record is read
 * first and its condition evaluated with expired-is-absent; every action then carries the ETag it was evaluated
 * against (a check becomes a merge of the unchanged version, an if-absent on nothing an invisible placeholder), so
 * the batch commits only if nothing changed in between, else it is planned again. The payload is checked against
 * {@value #MAX_BATCH_BYTES} bytes (Azure Cosmos DB for Table's batch cap; Table Storage allows 4 MiB) before any call.
 */
final class TableTransactions {
    static final long MAX_BATCH_BYTES = 2_000_000;

    private final TableClient table;
    private final TableReads reads;
    private final io.skystate.core.state.WriteGuard guard;
    private final Clock clock;

    TableTransactions(TableClient table, TableReads reads, io.skystate.core.state.WriteGuard guard, Clock clock) {
        this.table = table;
        this.reads = reads;
        this.guard = guard;
        this.clock = clock;
    }

    Map<Key, Version> apply(Transaction transaction, Supplier<String> versions) {
        guard.checkTransaction(transaction, false);
        checkPayload(transaction);
        for (int race = 0; race < TableStateStore.MAX_RACES; race++) {
            Map<Key, Version> written = new LinkedHashMap<>();
            List<TableTransactionAction> actions = new ArrayList<>();
            List<Integer> operationOfAction = new ArrayList<>();
            long now = clock.millis();
            List<TransactionOperation> operations = transaction.operations();
            for (int i = 0; i < operations.size(); i++) {
                TableTransactionAction action = plan(i, operations.get(i), now, versions, written);
                if (action != null) {
                    actions.add(action);
                    operationOfAction.add(i);
                }
            }
            if (actions.isEmpty()) {
                return written;
            }
            try {
                table.submitTransactionWithResponse(actions, null, Context.NONE);
                return written;
            } catch (TableTransactionFailedException e) {
                int status = AzureErrors.status(e);
                if (status != 404 && status != 409 && status != 412) {
                    throw AzureErrors.translate("transaction on " + table.getTableName(), e);
                }
                // A record changed after it was read: plan again from fresh reads.
            } catch (RuntimeException e) {
                throw AzureErrors.translate("transaction on " + table.getTableName(), e);
            }
        }
        throw new TransactionFailedException(AzureErrors.PROVIDER, -1, TransactionFailedException.Reason.CONFLICT,
                "the transaction kept racing with concurrent writers", null);
    }

    private TableTransactionAction plan(int index, TransactionOperation op, long now, Supplier<String> versions,
            Map<Key, Version> written) {
        Key key = op.key();
        boolean blind = op instanceof TransactionOperation.Put p && p.options().condition().kind() == Condition.Kind.NONE;
        TableEntity existing = blind ? null : reads.read(key);
        Conditions.Current current = TableEntities.current(existing, now);
        try {
            if (op instanceof TransactionOperation.Put put) {
                String version = versions.get();
                written.put(key, new Version(version));
                TableEntity entity = TableEntities.entity(key, put.value(), version, put.options().expiresAt());
                return switch (Conditions.put(key, put.options().condition(), current)) {
                    case CREATE -> new TableTransactionAction(TableTransactionActionType.CREATE, entity);
                    case UPSERT -> new TableTransactionAction(TableTransactionActionType.UPSERT_REPLACE, entity);
                    default -> new TableTransactionAction(TableTransactionActionType.UPDATE_REPLACE,
                            TableEntities.ifMatch(entity, current.etag()), true);
                };
            }
            Conditions.Action action = op instanceof TransactionOperation.Delete delete
                    ? Conditions.delete(key, delete.condition(), current)
                    : Conditions.check(key, ((TransactionOperation.Check) op).condition(), current);
            return switch (action) {
                case SKIP -> null;
                case GUARD_ABSENT -> new TableTransactionAction(TableTransactionActionType.CREATE, TableEntities.placeholder(key));
                case DELETE_IF_MATCH -> new TableTransactionAction(TableTransactionActionType.DELETE, existing, true);
                default -> new TableTransactionAction(TableTransactionActionType.UPDATE_MERGE,
                        TableEntities.ifMatch(TableEntities.touch(key, current.version()), current.etag()), true);
            };
        } catch (SkystateException failed) {
            throw new TransactionFailedException(AzureErrors.PROVIDER, index,
                    TransactionFailedException.Reason.CONDITION_FAILED, "operation " + index + " on " + key + " failed: "
                            + failed.getMessage(), failed);
        }
    }

    private static void checkPayload(Transaction transaction) {
        long bytes = 0;
        for (TransactionOperation op : transaction.operations()) {
            bytes += op instanceof TransactionOperation.Put put ? TableEntities.payloadBytes(put.key(), put.value()) : 1024;
        }
        if (bytes > MAX_BATCH_BYTES) {
            throw new PayloadTooLargeException(AzureErrors.PROVIDER, "the transaction's batch would be about " + bytes
                    + " bytes; an Azure table batch holds at most " + MAX_BATCH_BYTES + " (split it, or store less per record)");
        }
    }
}
