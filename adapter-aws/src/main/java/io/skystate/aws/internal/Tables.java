package io.skystate.aws.internal;

import io.skystate.api.TransientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Creates a store's table on first use (on-demand billing, {@code pk} S + {@code sk} B, TTL on {@code exp}) when the
 * adapter is allowed to; otherwise the table must exist (the generated SAM template declares it).
 */
final class Tables {
    private Tables() {
    }

    static void ensure(DynamoDbClient dynamo, String table) {
        try {
            if (status(dynamo, table) == TableStatus.ACTIVE) {
                return;
            }
        } catch (ResourceNotFoundException absent) {
            try {
                dynamo.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                        .keySchema(KeySchemaElement.builder().attributeName(DynamoItems.PK).keyType(KeyType.HASH).build(),
                                KeySchemaElement.builder().attributeName(DynamoItems.SK).keyType(KeyType.RANGE).build())
                        .attributeDefinitions(
                                AttributeDefinition.builder().attributeName(DynamoItems.PK).attributeType(ScalarAttributeType.S).build(),
                                AttributeDefinition.builder().attributeName(DynamoItems.SK).attributeType(ScalarAttributeType.B).build()));
            } catch (ResourceInUseException createdConcurrently) {
                // another instance created it; wait for ACTIVE below
            }
        }
        awaitActive(dynamo, table);
        dynamo.updateTimeToLive(b -> b.tableName(table)
                .timeToLiveSpecification(t -> t.enabled(true).attributeName(DynamoItems.TTL)));
    }

    private static TableStatus status(DynamoDbClient dynamo, String table) {
        return dynamo.describeTable(b -> b.tableName(table)).table().tableStatus();
    }

    /** Polls every 0.2 s (the SDK waiter polls every 20 s). */
    private static void awaitActive(DynamoDbClient dynamo, String table) {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                if (status(dynamo, table) == TableStatus.ACTIVE) {
                    return;
                }
            } catch (ResourceNotFoundException notYet) {
                // eventual consistency of the control plane
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new TransientException("aws", "table " + table + " did not become ACTIVE");
    }
}
