package io.skystate.bench.azure;

import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.util.Context;
import com.azure.data.tables.TableClient;
import com.azure.data.tables.TableServiceClient;
import com.azure.data.tables.TableServiceClientBuilder;
import com.azure.data.tables.models.TableEntity;
import com.azure.data.tables.models.TableEntityUpdateMode;
import com.azure.data.tables.models.TableTransactionAction;
import com.azure.data.tables.models.TableTransactionActionType;
import io.skystate.bench.overhead.StateOverheadBench;
import io.skystate.bench.overhead.StateSide;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The baseline: the Azure Tables calls adapter-azure's {@code TableStateStore} makes, written by hand on
 * {@code azure-data-tables} 12.5.9's {@link TableClient}, configured as the adapter configures its own (connection
 * string, exponential retries from 100 ms). Same entity ({@code PartitionKey} group, {@code RowKey} id, {@code g} and
 * {@code k} the key again, {@code t} type, {@code v} a random 64-bit hex version, {@code n} chunk count, {@code d0}
 * the JSON bytes): a point read with the expiry check; an upsert (replace); the conditional put as a read, a version
 * comparison and a replace with {@code If-Match} on the ETag read; an entity-group transaction of 10 upserts. The ids
 * used ({@code k0}...) are their own order-preserving encodings, so the keys equal the adapter's. As a
 * {@link StateSide}, it works on the records of {@link StateOverheadBench}.
 */
public final class RawTables implements StateSide {
    private final TableClient table;

    public RawTables(String connectionString, String tableName) {
        TableServiceClient service = new TableServiceClientBuilder().connectionString(connectionString)
                .retryOptions(new RetryOptions(new ExponentialBackoffOptions().setMaxRetries(5)
                        .setBaseDelay(Duration.ofMillis(100)).setMaxDelay(Duration.ofSeconds(2))))
                .buildClient();
        service.createTableIfNotExists(tableName);
        this.table = service.getTableClient(tableName);
    }

    @Override
    public Object get(int i) {
        return get(StateOverheadBench.GROUP, StateOverheadBench.IDS[i]);
    }

    @Override
    public Object put(int i) {
        return put(StateOverheadBench.GROUP, StateOverheadBench.IDS[i], StateOverheadBench.DOC, null);
    }

    @Override
    public Object conditionalPut(int i, Object expected) {
        return put(StateOverheadBench.GROUP, StateOverheadBench.IDS[i], StateOverheadBench.DOC, (String) expected);
    }

    @Override
    public Object transaction10() {
        putAll(StateOverheadBench.GROUP, StateOverheadBench.TX_IDS, StateOverheadBench.DOC);
        return StateOverheadBench.TX_IDS;
    }

    /** Nothing to release: the client has no close. */
    @Override
    public void close() {
    }

    /** The JSON bytes of a record, or null when absent or expired. */
    public byte[] get(String group, String id) {
        TableEntity entity;
        try {
            entity = table.getEntityWithResponse(group, id, null, null, Context.NONE).getValue();
        } catch (com.azure.data.tables.models.TableServiceException e) {
            if (e.getResponse().getStatusCode() == 404) {
                return null;
            }
            throw e;
        }
        Object x = entity.getProperty("x");
        if (x != null && ((Number) x).longValue() <= System.currentTimeMillis()) {
            return null;
        }
        return (byte[]) entity.getProperty("d0");
    }

    /** Upsert; with {@code expectedVersion}, read, compare and replace under the ETag. Returns the new version. */
    public String put(String group, String id, byte[] json, String expectedVersion) {
        String version = newVersion();
        TableEntity entity = entity(group, id, json, version);
        if (expectedVersion == null) {
            table.upsertEntityWithResponse(entity, TableEntityUpdateMode.REPLACE, null, Context.NONE);
            return version;
        }
        TableEntity current = table.getEntityWithResponse(group, id, null, null, Context.NONE).getValue();
        if (!expectedVersion.equals(current.getProperty("v"))) {
            throw new IllegalStateException("version conflict");
        }
        entity.addProperty("odata.etag", current.getETag());
        table.updateEntityWithResponse(entity, TableEntityUpdateMode.REPLACE, true, null, Context.NONE);
        return version;
    }

    /** One entity-group transaction of upserts. */
    public void putAll(String group, String[] ids, byte[] json) {
        List<TableTransactionAction> actions = new ArrayList<>();
        for (String id : ids) {
            actions.add(new TableTransactionAction(TableTransactionActionType.UPSERT_REPLACE, entity(group, id, json, newVersion())));
        }
        table.submitTransactionWithResponse(actions, null, Context.NONE);
    }

    private static TableEntity entity(String group, String id, byte[] json, String version) {
        return new TableEntity(group, id).addProperty("g", group).addProperty("k", id).addProperty("t", 0)
                .addProperty("v", version).addProperty("n", 1).addProperty("d0", json);
    }

    private static String newVersion() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
    }
}
