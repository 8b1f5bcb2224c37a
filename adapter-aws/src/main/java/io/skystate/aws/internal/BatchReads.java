package io.skystate.aws.internal;

import io.skystate.api.TransientException;
import io.skystate.api.state.Key;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/** {@code BatchGetItem} for up to 100 keys, consistent, re-asking for unprocessed keys with backoff. */
final class BatchReads {
    private static final int MAX_ROUNDS = 10;

    private BatchReads() {
    }

    static List<Map<String, AttributeValue>> read(DynamoDbClient dynamo, String table, List<Key> keys) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        if (keys.isEmpty()) {
            return items;
        }
        Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder()
                .keys(keys.stream().map(DynamoItems::key).toList()).consistentRead(true).build());
        try {
            for (int round = 0; round < MAX_ROUNDS && !request.isEmpty(); round++) {
                Map<String, KeysAndAttributes> asked = request;
                BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(asked));
                items.addAll(response.responses().getOrDefault(table, List.of()));
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
                if (!request.isEmpty()) {
                    Thread.sleep(Math.min(1000, 25L << round));
                }
            }
        } catch (SdkException e) {
            throw DynamoErrors.translate("batch get from " + table, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientException("aws", "interrupted while reading a batch", e);
        }
        if (!request.isEmpty()) {
            throw new TransientException("aws", "DynamoDB left keys unprocessed after " + MAX_ROUNDS + " rounds");
        }
        return items;
    }
}
