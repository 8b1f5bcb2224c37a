package io.skystate.bench.aws;

import io.skystate.bench.overhead.StateOverheadBench;
import io.skystate.bench.overhead.StateSide;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The baseline: the DynamoDB calls adapter-aws's {@code DynamoDbStateStore} makes, written by hand on the AWS SDK v2
 * {@link DynamoDbClient}, configured as the adapter configures its own (URL-connection HTTP client, the SDK's
 * default retry mode, endpoint override, region, static credentials). Same table layout ({@code pk} S, {@code sk} B
 * = the id's UTF-8 bytes, on-demand billing, TTL on {@code exp}) and item ({@code ct} N, {@code val} S holding the
 * JSON, {@code ver} S a random 64-bit hex version): GetItem with ConsistentRead, PutItem (with the adapter's
 * {@code ifVersion} ConditionExpression and values for the conditional put), TransactWriteItems of puts with a
 * ClientRequestToken; a listing page as a Query on the partition with the adapter's key condition
 * ({@code sk > :after}, the last id read) and Limit; a multi-get as BatchGetItem of up to 100 keys with
 * ConsistentRead, asking again for unprocessed keys. As a {@link StateSide}, it works on the records of
 * {@link StateOverheadBench}.
 */
public final class RawDynamo implements StateSide {
    static final String IF_VERSION = "ver = :ver AND (attribute_not_exists(expms) OR expms > :now)";

    private final DynamoDbClient dynamo;
    private final String table;

    public RawDynamo(URI endpoint, Region region, AwsCredentialsProvider credentials, String table) {
        this(endpoint, region, credentials, table, UrlConnectionHttpClient.builder());
    }

    /** On the HTTP client {@code http} builds (the adapter's default is the URL-connection client). */
    public RawDynamo(URI endpoint, Region region, AwsCredentialsProvider credentials, String table,
            SdkHttpClient.Builder<?> http) {
        this.dynamo = DynamoDbClient.builder().endpointOverride(endpoint).region(region).credentialsProvider(credentials)
                .httpClientBuilder(http).build();
        this.table = table;
    }

    /** Creates the table as the adapter's {@code Tables.ensure} does (moto makes it ACTIVE at once). */
    public void createTable() {
        dynamo.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.B).build()));
        dynamo.updateTimeToLive(b -> b.tableName(table).timeToLiveSpecification(t -> t.enabled(true).attributeName("exp")));
    }

    @Override
    public Object get(int i) {
        return get(StateOverheadBench.GROUP, StateOverheadBench.IDS[i]);
    }

    @Override
    public Object put(int i) {
        return put(StateOverheadBench.GROUP, StateOverheadBench.IDS[i], StateOverheadBench.DOC_TEXT, null);
    }

    @Override
    public Object conditionalPut(int i, Object expected) {
        return put(StateOverheadBench.GROUP, StateOverheadBench.IDS[i], StateOverheadBench.DOC_TEXT, (String) expected);
    }

    @Override
    public Object transaction10() {
        putAll(StateOverheadBench.GROUP, StateOverheadBench.TX_IDS, StateOverheadBench.DOC_TEXT);
        return StateOverheadBench.TX_IDS;
    }

    /** A record as read: version and JSON. */
    public record Row(String version, String json) {
    }

    /** A listing page: the records by id, in key order, and the last id read (null on the last page). */
    public record Listing(Map<String, Row> rows, SdkBytes lastId) {
    }

    public Row get(String group, String id) {
        return row(dynamo.getItem(b -> b.tableName(table).key(key(group, id)).consistentRead(true)).item(),
                System.currentTimeMillis());
    }

    /** One Query page of {@code group} after {@code afterId} (null: the first page), at most {@code limit} items. */
    public Listing list(String group, int limit, SdkBytes afterId) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":g", AttributeValue.fromS(group));
        String condition = "pk = :g";
        if (afterId != null) {
            values.put(":after", AttributeValue.fromB(afterId));
            condition += " AND sk > :after";
        }
        String keyCondition = condition;
        QueryResponse response = dynamo.query(b -> b.tableName(table).keyConditionExpression(keyCondition)
                .expressionAttributeValues(values).consistentRead(true).limit(limit));
        long now = System.currentTimeMillis();
        Map<String, Row> rows = new LinkedHashMap<>();
        for (Map<String, AttributeValue> item : response.items()) {
            Row row = row(item, now);
            if (row != null) {
                rows.put(item.get("sk").b().asUtf8String(), row);
            }
        }
        SdkBytes last = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? response.lastEvaluatedKey().get("sk").b() : null;
        return new Listing(rows, last);
    }

    /** BatchGetItem of {@code ids} (at most 100), consistent; the records found by id. */
    public Map<String, Row> getAll(String group, List<String> ids) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>(ids.size());
        for (String id : ids) {
            keys.add(key(group, id));
        }
        Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys).consistentRead(true)
                .build());
        Map<String, Row> rows = new HashMap<>();
        long now = System.currentTimeMillis();
        while (!request.isEmpty()) {
            Map<String, KeysAndAttributes> asked = request;
            BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(asked));
            for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
                Row row = row(item, now);
                if (row != null) {
                    rows.put(item.get("sk").b().asUtf8String(), row);
                }
            }
            request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
        }
        return rows;
    }

    private static Row row(Map<String, AttributeValue> item, long now) {
        if (item == null || item.isEmpty()) {
            return null;
        }
        AttributeValue expms = item.get("expms");
        if (expms != null && Long.parseLong(expms.n()) <= now) {
            return null;
        }
        return new Row(item.get("ver").s(), item.get("val").s());
    }

    /** PutItem; with {@code expectedVersion} the adapter's ifVersion condition. Returns the new version. */
    public String put(String group, String id, String json, String expectedVersion) {
        String version = newVersion();
        Map<String, AttributeValue> item = item(group, id, json, version);
        if (expectedVersion == null) {
            dynamo.putItem(b -> b.tableName(table).item(item));
        } else {
            Map<String, AttributeValue> values = new HashMap<>();
            values.put(":now", AttributeValue.fromN(Long.toString(System.currentTimeMillis())));
            values.put(":ver", AttributeValue.fromS(expectedVersion));
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression(IF_VERSION)
                    .expressionAttributeValues(values));
        }
        return version;
    }

    /** TransactWriteItems of unconditional puts, one ClientRequestToken per call (as the adapter sends). */
    public void putAll(String group, String[] ids, String json) {
        List<TransactWriteItem> items = new ArrayList<>(ids.length);
        for (String id : ids) {
            Map<String, AttributeValue> item = item(group, id, json, newVersion());
            items.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(item)).build());
        }
        dynamo.transactWriteItems(b -> b.transactItems(items).clientRequestToken(UUID.randomUUID().toString()));
    }

    private static Map<String, AttributeValue> key(String group, String id) {
        return Map.of("pk", AttributeValue.fromS(group), "sk", AttributeValue.fromB(SdkBytes.fromUtf8String(id)));
    }

    private static Map<String, AttributeValue> item(String group, String id, String json, String version) {
        Map<String, AttributeValue> item = new HashMap<>(key(group, id));
        item.put("ct", AttributeValue.fromN("0"));
        item.put("val", AttributeValue.fromS(json));
        item.put("ver", AttributeValue.fromS(version));
        return item;
    }

    private static String newVersion() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong());
    }

    @Override
    public void close() {
        dynamo.close();
    }
}
