package io.skystate.azure.internal.cosmos;

import com.azure.cosmos.CosmosContainer;
import com.azure.cosmos.CosmosException;
import com.azure.cosmos.models.CosmosItemRequestOptions;
import com.azure.cosmos.models.CosmosItemResponse;
import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.FeedResponse;
import com.azure.cosmos.models.PartitionKey;
import com.azure.cosmos.models.SqlParameter;
import com.azure.cosmos.models.SqlQuerySpec;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skystate.api.TransientException;
import io.skystate.api.state.Key;
import io.skystate.azure.internal.AzureErrors;
import io.skystate.azure.internal.Conditions;
import io.skystate.azure.internal.OrderedListing;
import io.skystate.core.retry.Retrier;
import io.skystate.core.retry.RetryPolicy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The native calls of a {@link CosmosStateStore}: point reads, writes that report a lost race (404, 409, 412) instead
 * of throwing and return the new ETag, and the id-range queries of a listing, paged with continuation tokens.
 * Everything else is translated with {@link AzureErrors}. Thread-safe.
 */
final class CosmosCalls {
    private static final CosmosItemRequestOptions NO_CONTENT = new CosmosItemRequestOptions().setContentResponseOnWriteEnabled(false);

    private static final Retrier RETRIER = new Retrier(RetryPolicy.providerDefault(), e -> e instanceof TransientException);

    private final CosmosContainer container;
    private final Clock clock;

    CosmosCalls(CosmosContainer container, Clock clock) {
        this.container = container;
        this.clock = clock;
    }

    CosmosContainer container() {
        return container;
    }

    /** The item stored under {@code key}, expired or not; null if there is none. Transient failures are retried. */
    ObjectNode read(Key key) {
        return RETRIER.call(() -> readOnce(key));
    }

    private ObjectNode readOnce(Key key) {
        try {
            return container.readItem(CosmosItems.id(key.id()), new PartitionKey(CosmosItems.partitionKey(key.group())),
                    ObjectNode.class).getItem();
        } catch (CosmosException e) {
            if (e.getStatusCode() == 404) {
                return null;
            }
            throw AzureErrors.translate("get " + key, e);
        } catch (RuntimeException e) {
            throw AzureErrors.translate("get " + key, e);
        }
    }

    /**
     * Sends one write, retrying transient failures (the SDK does not retry a 503 on writes) with core's provider
     * policy; returns the new ETag, or null when it lost a race (404, 409 or 412), which is also how a retry of a write
     * that had in fact landed ends: the caller recognises its own write by the item's nonce.
     */
    String write(Key key, Conditions.Action action, ObjectNode item, String etag) {
        return RETRIER.call(() -> writeOnce(key, action, item, etag));
    }

    private String writeOnce(Key key, Conditions.Action action, ObjectNode item, String etag) {
        PartitionKey pk = new PartitionKey(CosmosItems.partitionKey(key.group()));
        CosmosItemRequestOptions ifMatch = new CosmosItemRequestOptions().setContentResponseOnWriteEnabled(false)
                .setIfMatchETag(etag);
        try {
            CosmosItemResponse<?> response = switch (action) {
                case CREATE -> container.createItem(item, pk, NO_CONTENT);
                case UPSERT -> container.upsertItem(item, pk, NO_CONTENT);
                case REPLACE_IF_MATCH -> container.replaceItem(item, CosmosItems.id(key.id()), pk, ifMatch);
                case DELETE_IF_MATCH -> container.deleteItem(CosmosItems.id(key.id()), pk, ifMatch);
                default -> throw new IllegalArgumentException("not a single write: " + action);
            };
            return response.getETag() == null ? "" : response.getETag();
        } catch (CosmosException e) {
            int status = e.getStatusCode();
            if (status == 404 || status == 409 || status == 412) {
                return null;
            }
            throw AzureErrors.translate(action + " " + key, e);
        } catch (RuntimeException e) {
            throw AzureErrors.translate(action + " " + key, e);
        }
    }

    /** The native reads of one partition's listing. */
    OrderedListing.Reader partition(String group) {
        PartitionKey pk = new PartitionKey(CosmosItems.partitionKey(group));
        return new OrderedListing.Reader() {
            @Override
            public OrderedListing.Slice after(String after, int limit) {
                SqlQuerySpec query = after == null
                        ? new SqlQuerySpec("SELECT * FROM c ORDER BY c.id")
                        : new SqlQuerySpec("SELECT * FROM c WHERE c.id > @after ORDER BY c.id",
                                List.of(new SqlParameter("@after", after)));
                List<OrderedListing.Row> rows = query(pk, query, limit + 1);
                boolean more = rows.size() > limit;
                return new OrderedListing.Slice(more ? rows.subList(0, limit) : rows, more);
            }

            @Override
            public List<OrderedListing.Row> between(String from, String to) {
                return query(pk, new SqlQuerySpec("SELECT * FROM c WHERE c.id >= @from AND c.id < @to ORDER BY c.id",
                        List.of(new SqlParameter("@from", from), new SqlParameter("@to", to))), Integer.MAX_VALUE);
            }
        };
    }

    /** Up to {@code limit} rows, following continuation tokens page by page. */
    private List<OrderedListing.Row> query(PartitionKey pk, SqlQuerySpec query, int limit) {
        List<OrderedListing.Row> rows = new ArrayList<>();
        CosmosQueryRequestOptions options = new CosmosQueryRequestOptions().setPartitionKey(pk);
        String continuation = null;
        try {
            do {
                int pageSize = Math.min(1000, limit - rows.size());
                var pages = container.queryItems(query, options, ObjectNode.class).iterableByPage(continuation, pageSize);
                var iterator = pages.iterator();
                if (!iterator.hasNext()) {
                    break;
                }
                FeedResponse<ObjectNode> page = iterator.next();
                long now = clock.millis();
                for (ObjectNode item : page.getResults()) {
                    if (rows.size() < limit) {
                        rows.add(new OrderedListing.Row(item.path("id").asText(), CosmosItems.key(item).id(),
                                CosmosItems.entry(item, now)));
                    }
                }
                continuation = page.getContinuationToken();
            } while (continuation != null && rows.size() < limit);
            return rows;
        } catch (RuntimeException e) {
            throw AzureErrors.translate("query " + container.getId(), e);
        }
    }
}
