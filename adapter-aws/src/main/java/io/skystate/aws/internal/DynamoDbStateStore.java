package io.skystate.aws.internal;

import io.skystate.api.AlreadyExistsException;
import io.skystate.api.Codec;
import io.skystate.api.InvalidRequestException;
import io.skystate.api.VersionConflictException;
import io.skystate.api.state.Condition;
import io.skystate.api.state.Key;
import io.skystate.api.state.ListRequest;
import io.skystate.api.state.Page;
import io.skystate.api.state.PutOptions;
import io.skystate.api.state.StateEntry;
import io.skystate.api.state.StateStore;
import io.skystate.api.state.StateValue;
import io.skystate.api.state.Transaction;
import io.skystate.api.state.Version;
import io.skystate.core.state.WriteGuard;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * {@link StateStore} on one DynamoDB table. Reads are {@code ConsistentRead} (read-your-writes); conditional writes
 * use {@code ConditionExpression}s on the version attribute; transactions use {@code TransactWriteItems} (see
 * {@link DynamoTransactions}); listing is a {@code Query} whose cursor is the last id read, with expired items
 * dropped here (a {@code FilterExpression} would cost the same read capacity and page the same way). Thread-safe.
 */
public final class DynamoDbStateStore implements StateStore {
    private final String name;
    private final String table;
    private final DynamoDbClient dynamo;
    private final WriteGuard guard;
    private final Codec codec;
    private final Clock clock;
    private final DynamoTransactions transactions;

    public DynamoDbStateStore(String name, String table, DynamoDbClient dynamo, WriteGuard guard, Codec codec, Clock clock) {
        this.name = name;
        this.table = table;
        this.dynamo = dynamo;
        this.guard = guard;
        this.codec = codec;
        this.clock = clock;
        this.transactions = new DynamoTransactions(table, dynamo, guard, clock);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<StateEntry> get(Key key) {
        try {
            return DynamoItems.entry(dynamo.getItem(b -> b.tableName(table).key(DynamoItems.key(key)).consistentRead(true))
                    .item(), clock.millis());
        } catch (SdkException e) {
            throw DynamoErrors.translate("get " + key, e);
        }
    }

    @Override
    public Map<Key, StateEntry> getAll(Collection<Key> keys) {
        Map<Key, StateEntry> found = new LinkedHashMap<>();
        List<Key> distinct = keys.stream().distinct().toList();
        for (int from = 0; from < distinct.size(); from += 100) {
            BatchReads.read(dynamo, table, distinct.subList(from, Math.min(distinct.size(), from + 100)))
                    .forEach(item -> DynamoItems.entry(item, clock.millis()).ifPresent(e -> found.put(e.key(), e)));
        }
        Map<Key, StateEntry> ordered = new LinkedHashMap<>();
        distinct.forEach(k -> Optional.ofNullable(found.get(k)).ifPresent(e -> ordered.put(k, e)));
        return ordered;
    }

    @Override
    public Version put(Key key, StateValue value, PutOptions options) {
        guard.checkPut(key, value);
        Version version = newVersion();
        DynamoConditions condition = DynamoConditions.of(options.condition(), clock.millis());
        try {
            dynamo.putItem(b -> b.tableName(table).item(DynamoItems.item(key, value, version, options.expiresAt()))
                    .conditionExpression(condition.expression().orElse(null))
                    .expressionAttributeValues(condition.valuesOrNull()));
            return version;
        } catch (ConditionalCheckFailedException e) {
            throw conditionFailed(key, options.condition(), e);
        } catch (SdkException e) {
            throw DynamoErrors.translate("put " + key, e);
        }
    }

    @Override
    public boolean delete(Key key, Condition condition) {
        long now = clock.millis();
        DynamoConditions expression = DynamoConditions.of(condition, now);
        try {
            DeleteItemResponse response = dynamo.deleteItem(b -> b.tableName(table).key(DynamoItems.key(key))
                    .conditionExpression(expression.expression().orElse(null))
                    .expressionAttributeValues(expression.valuesOrNull()).returnValues(ReturnValue.ALL_OLD));
            return response.hasAttributes() && !DynamoItems.expired(response.attributes(), now);
        } catch (ConditionalCheckFailedException e) {
            throw conditionFailed(key, condition, e);
        } catch (SdkException e) {
            throw DynamoErrors.translate("delete " + key, e);
        }
    }

    @Override
    public Map<Key, Version> transact(Transaction transaction) {
        return transactions.apply(transaction, this::newVersion);
    }

    @Override
    public Page list(ListRequest request) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":g", AttributeValue.fromS(request.group()));
        String keyCondition = "pk = :g";
        if (request.cursor().isPresent()) {
            values.put(":after", AttributeValue.fromB(SdkBytes.fromByteArray(decodeCursor(request.cursor().get()))));
            keyCondition += " AND sk > :after";
        }
        String condition = keyCondition;
        try {
            QueryResponse response = dynamo.query(b -> b.tableName(table).keyConditionExpression(condition)
                    .expressionAttributeValues(values).consistentRead(true).limit(request.pageSize()));
            long now = clock.millis();
            List<StateEntry> entries = new ArrayList<>();
            response.items().forEach(item -> DynamoItems.entry(item, now).ifPresent(entries::add));
            Optional<String> next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? Optional.of(encodeCursor(response.lastEvaluatedKey().get(DynamoItems.SK).b().asByteArray()))
                    : Optional.empty();
            return new Page(entries, next);
        } catch (SdkException e) {
            throw DynamoErrors.translate("list " + request.group(), e);
        }
    }

    @Override
    public Codec codec() {
        return codec;
    }

    @Override
    public <T> Optional<T> unwrap(Class<T> type) {
        return type.isInstance(dynamo) ? Optional.of(type.cast(dynamo)) : Optional.empty();
    }

    private Version newVersion() {
        return new Version(Long.toHexString(ThreadLocalRandom.current().nextLong()));
    }

    static RuntimeException conditionFailed(Key key, Condition condition, Exception cause) {
        return condition.kind() == Condition.Kind.IF_ABSENT
                ? new AlreadyExistsException(DynamoErrors.PROVIDER, key + " already exists", cause)
                : new VersionConflictException(DynamoErrors.PROVIDER, key + " is absent or not at version "
                        + condition.version(), cause);
    }

    private static String encodeCursor(byte[] lastId) {
        return "d1." + Base64.getUrlEncoder().withoutPadding().encodeToString(lastId);
    }

    private static byte[] decodeCursor(String cursor) {
        try {
            if (cursor.startsWith("d1.")) {
                return Base64.getUrlDecoder().decode(cursor.substring(3));
            }
        } catch (IllegalArgumentException e) {
            // fall through
        }
        throw new InvalidRequestException(DynamoErrors.PROVIDER, "not a cursor issued by this store: " + cursor);
    }
}
