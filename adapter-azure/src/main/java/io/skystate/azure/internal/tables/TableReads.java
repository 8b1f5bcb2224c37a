package io.skystate.azure.internal.tables;

import com.azure.core.util.Context;
import com.azure.data.tables.TableClient;
import com.azure.data.tables.models.ListEntitiesOptions;
import com.azure.data.tables.models.TableEntity;
import com.azure.data.tables.models.TableEntityUpdateMode;
import com.azure.data.tables.models.TableServiceException;
import io.skystate.api.state.Key;
import io.skystate.azure.internal.AzureErrors;
import io.skystate.azure.internal.Conditions;
import io.skystate.azure.internal.OrderedListing;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

/**
 * The native calls of a {@link TableStateStore}: point reads, conditional writes that report a lost race instead of
 * throwing, RowKey range queries for listing, and the expiry sweep. Every other SDK failure is translated with
 * {@link AzureErrors}. Thread-safe.
 */
final class TableReads {
    private final TableClient table;
    private final Clock clock;
    private final boolean sortedQueries;

    TableReads(TableClient table, Clock clock, boolean sortedQueries) {
        this.table = table;
        this.clock = clock;
        this.sortedQueries = sortedQueries;
    }

    /** The entity stored under {@code key}, expired or not; null if there is none. */
    TableEntity read(Key key) {
        try {
            return table.getEntityWithResponse(TableEntities.partitionKey(key.group()), TableEntities.rowKey(key.id()),
                    null, null, Context.NONE).getValue();
        } catch (TableServiceException e) {
            if (AzureErrors.status(e) == 404) {
                return null;
            }
            throw AzureErrors.translate("get " + key, e);
        } catch (RuntimeException e) {
            throw AzureErrors.translate("get " + key, e);
        }
    }

    /** Sends one conditional write; false when it lost a race (404, 409 or 412), so the caller re-reads. */
    boolean write(Key key, Conditions.Action action, TableEntity entity) {
        try {
            switch (action) {
                case CREATE -> table.createEntityWithResponse(entity, null, Context.NONE);
                case REPLACE_IF_MATCH -> table.updateEntityWithResponse(entity, TableEntityUpdateMode.REPLACE, true, null, Context.NONE);
                case UPSERT -> table.upsertEntityWithResponse(entity, TableEntityUpdateMode.REPLACE, null, Context.NONE);
                case DELETE_IF_MATCH -> table.deleteEntityWithResponse(entity, true, null, Context.NONE);
                default -> throw new IllegalArgumentException("not a single write: " + action);
            }
            return true;
        } catch (TableServiceException e) {
            int status = AzureErrors.status(e);
            if (status == 404 || status == 409 || status == 412) {
                return false;
            }
            throw AzureErrors.translate(action + " " + key, e);
        } catch (RuntimeException e) {
            throw AzureErrors.translate(action + " " + key, e);
        }
    }

    <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw AzureErrors.translate(what, e);
        }
    }

    /** The native reads of one group's listing. */
    OrderedListing.Reader group(String group) {
        String pk = TableEntities.partitionKey(group);
        return new OrderedListing.Reader() {
            @Override
            public OrderedListing.Slice after(String after, int limit) {
                String filter = "PartitionKey eq " + quote(pk) + (after == null ? "" : " and RowKey gt " + quote(after));
                List<OrderedListing.Row> rows = new ArrayList<>();
                Iterator<TableEntity> entities = query(filter, sortedQueries ? Math.min(1000, limit + 1) : null);
                while (entities.hasNext() && rows.size() <= limit) {
                    rows.add(row(entities.next()));
                }
                if (!sortedQueries) {
                    entities.forEachRemaining(e -> rows.add(row(e)));
                    rows.sort(Comparator.comparing(OrderedListing.Row::nativeKey));
                }
                boolean more = rows.size() > limit;
                return new OrderedListing.Slice(more ? rows.subList(0, limit) : rows, more);
            }

            @Override
            public List<OrderedListing.Row> between(String from, String to) {
                List<OrderedListing.Row> rows = new ArrayList<>();
                query("PartitionKey eq " + quote(pk) + " and RowKey ge " + quote(from) + " and RowKey lt " + quote(to), null)
                        .forEachRemaining(e -> rows.add(row(e)));
                return rows;
            }
        };
    }

    /** Deletes expired entities, each under the ETag it was listed with; returns how many went. */
    int sweepExpired() {
        int deleted = 0;
        Iterator<TableEntity> expired = query(TableEntities.EXPIRES + " le " + clock.millis() + "L", null);
        while (expired.hasNext()) {
            TableEntity entity = expired.next();
            try {
                table.deleteEntityWithResponse(entity, true, null, Context.NONE);
                deleted++;
            } catch (TableServiceException raced) {
                if (AzureErrors.status(raced) != 404 && AzureErrors.status(raced) != 412) {
                    throw AzureErrors.translate("sweep " + table.getTableName(), raced);
                }
            }
        }
        return deleted;
    }

    private Iterator<TableEntity> query(String filter, Integer top) {
        ListEntitiesOptions options = new ListEntitiesOptions().setFilter(filter);
        if (top != null) {
            options.setTop(top);
        }
        Iterator<TableEntity> iterator = call("query " + table.getTableName(),
                () -> table.listEntities(options, null, Context.NONE).iterator());
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return call("query " + table.getTableName(), iterator::hasNext);
            }

            @Override
            public TableEntity next() {
                return call("query " + table.getTableName(), iterator::next);
            }
        };
    }

    private OrderedListing.Row row(TableEntity entity) {
        return new OrderedListing.Row(entity.getRowKey(), TableEntities.id(entity), TableEntities.entry(entity, clock.millis()));
    }

    /** An OData string literal (the encodings are ASCII without quotes, but a literal is a literal). */
    private static String quote(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
