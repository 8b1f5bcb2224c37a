package io.skystate.aws.internal;

import io.skystate.api.state.Condition;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Condition expressions that treat an expired item as absent, so conditions agree with what reads show even
 * before DynamoDB's TTL process deletes the item.
 */
record DynamoConditions(Optional<String> expression, Map<String, AttributeValue> values) {
    static DynamoConditions of(Condition condition, long now) {
        Map<String, AttributeValue> values = new HashMap<>();
        return switch (condition.kind()) {
            case NONE -> new DynamoConditions(Optional.empty(), values);
            case IF_ABSENT -> {
                values.put(":now", AttributeValue.fromN(Long.toString(now)));
                yield new DynamoConditions(Optional.of("attribute_not_exists(pk) OR expms <= :now"), values);
            }
            case IF_VERSION -> {
                values.put(":now", AttributeValue.fromN(Long.toString(now)));
                values.put(":ver", AttributeValue.fromS(condition.version().value()));
                yield new DynamoConditions(Optional.of("ver = :ver AND (attribute_not_exists(expms) OR expms > :now)"), values);
            }
        };
    }

    /** Values map for the SDK, which rejects an empty one. */
    Map<String, AttributeValue> valuesOrNull() {
        return values.isEmpty() ? null : values;
    }
}
