package io.skystate.bench.awscanned;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The DynamoDB operations {@link LoopbackDynamo} answers, each computed from the request and the items it holds
 * ({@link LoopbackItems}), in the JSON 1.0 shapes DynamoDB answers with: {@code GetItem}, {@code PutItem} (with the
 * conditions of {@link LoopbackConditions}), {@code TransactWriteItems} (puts, deletes, condition checks; all
 * conditions checked before anything is written, a failure answered with {@code TransactionCanceledException} and
 * its reasons), {@code Query} (the key conditions {@code pk = :g} and {@code pk = :g AND sk > :after},
 * {@code Limit}, {@code ExclusiveStartKey}; {@code LastEvaluatedKey} when the limit was reached, as DynamoDB does),
 * {@code BatchGetItem} (at most 100 keys, never leaving keys unprocessed), and the control-plane calls made at
 * construction ({@code DescribeTable}, always {@code ACTIVE}; {@code CreateTable}; {@code UpdateTimeToLive}).
 * Not modelled: capacity, the 1 MB page limit, item size limits, idempotency tokens, projections.
 */
final class LoopbackOps {
    private final ObjectMapper json = new ObjectMapper();
    private final LoopbackItems items;

    LoopbackOps(LoopbackItems items) {
        this.items = items;
    }

    /** The response body of {@code op} for {@code body}; throws {@link LoopbackError} for a DynamoDB error. */
    byte[] answer(String op, byte[] body) throws IOException {
        JsonNode request = json.readTree(body);
        ObjectNode response = json.createObjectNode();
        switch (op) {
            case "GetItem" -> getItem(request, response);
            case "PutItem" -> putItem(request);
            case "TransactWriteItems" -> transactWriteItems(request);
            case "Query" -> query(request, response);
            case "BatchGetItem" -> batchGetItem(request, response);
            case "DescribeTable" -> response.set("Table", table(request.path("TableName").asText()));
            case "CreateTable" -> response.set("TableDescription", table(request.path("TableName").asText()));
            case "UpdateTimeToLive" -> response.set("TimeToLiveSpecification", request.path("TimeToLiveSpecification"));
            default -> throw new LoopbackError("UnknownOperationException", "not answered by the loopback endpoint: " + op, "");
        }
        return json.writeValueAsBytes(response);
    }

    private void getItem(JsonNode request, ObjectNode response) {
        ObjectNode item = items.get(request.path("TableName").asText(), request.path("Key"));
        if (item != null) {
            response.set("Item", item);
        }
    }

    private void putItem(JsonNode request) {
        String table = request.path("TableName").asText();
        ObjectNode item = (ObjectNode) request.path("Item");
        if (!LoopbackConditions.holds(request.get("ConditionExpression"), request.get("ExpressionAttributeValues"),
                items.get(table, item))) {
            throw LoopbackError.conditionFailed();
        }
        items.put(table, item);
    }

    private void transactWriteItems(JsonNode request) {
        JsonNode ops = request.path("TransactItems");
        if (ops.size() == 0 || ops.size() > 100) {
            throw LoopbackError.validation("TransactItems must have 1 to 100 members");
        }
        List<String> reasons = new ArrayList<>();
        boolean failed = false;
        for (JsonNode op : ops) {
            JsonNode write = write(op);
            String table = write.path("TableName").asText();
            JsonNode key = write.has("Item") ? write.get("Item") : write.path("Key");
            boolean holds = LoopbackConditions.holds(write.get("ConditionExpression"),
                    write.get("ExpressionAttributeValues"), items.get(table, key));
            reasons.add(holds ? "{\"Code\":\"None\"}"
                    : "{\"Code\":\"ConditionalCheckFailed\",\"Message\":\"The conditional request failed\"}");
            failed |= !holds;
        }
        if (failed) {
            throw new LoopbackError("TransactionCanceledException", "Transaction cancelled, please refer cancellation "
                    + "reasons for specific reasons", "\"CancellationReasons\":[" + String.join(",", reasons) + "]");
        }
        for (JsonNode op : ops) {
            if (op.has("Put")) {
                items.put(op.get("Put").path("TableName").asText(), (ObjectNode) op.get("Put").path("Item"));
            } else if (op.has("Delete")) {
                items.delete(op.get("Delete").path("TableName").asText(), op.get("Delete").path("Key"));
            }
        }
    }

    private static JsonNode write(JsonNode op) {
        for (String kind : new String[] {"Put", "Delete", "ConditionCheck"}) {
            if (op.has(kind)) {
                return op.get(kind);
            }
        }
        throw LoopbackError.validation("the loopback endpoint answers Put, Delete and ConditionCheck only: " + op);
    }

    private void query(JsonNode request, ObjectNode response) {
        String table = request.path("TableName").asText();
        String condition = request.path("KeyConditionExpression").asText();
        JsonNode values = request.path("ExpressionAttributeValues");
        byte[] after;
        if (condition.equals("pk = :g")) {
            after = request.has("ExclusiveStartKey") ? LoopbackItems.sk(request.get("ExclusiveStartKey")) : null;
        } else if (condition.equals("pk = :g AND sk > :after")) {
            after = LoopbackItems.binary(values.path(":after"));
        } else {
            throw LoopbackError.validation("the loopback endpoint does not evaluate the key condition " + condition);
        }
        int limit = request.has("Limit") ? request.get("Limit").asInt() : Integer.MAX_VALUE;
        List<ObjectNode> page = items.query(table, values.path(":g").path("S").asText(), after, limit);
        ArrayNode list = response.putArray("Items");
        page.forEach(list::add);
        response.put("Count", page.size());
        response.put("ScannedCount", page.size());
        if (page.size() == limit) {
            ObjectNode last = page.get(page.size() - 1);
            ObjectNode lastKey = response.putObject("LastEvaluatedKey");
            lastKey.set("pk", last.get("pk"));
            lastKey.set("sk", last.get("sk"));
        }
    }

    private void batchGetItem(JsonNode request, ObjectNode response) {
        ObjectNode responses = response.putObject("Responses");
        int keys = 0;
        var tables = request.path("RequestItems").fields();
        while (tables.hasNext()) {
            var table = tables.next();
            ArrayNode found = responses.putArray(table.getKey());
            for (JsonNode key : table.getValue().path("Keys")) {
                if (++keys > 100) {
                    throw LoopbackError.validation("Too many items requested for the BatchGetItem call");
                }
                ObjectNode item = items.get(table.getKey(), key);
                if (item != null) {
                    found.add(item);
                }
            }
        }
        response.putObject("UnprocessedKeys");
    }

    private ObjectNode table(String name) {
        ObjectNode t = json.createObjectNode();
        t.put("TableName", name);
        t.put("TableStatus", "ACTIVE");
        t.put("TableArn", "arn:aws:dynamodb:us-east-1:000000000000:table/" + name);
        t.put("CreationDateTime", 1.7e9);
        t.put("ItemCount", 0);
        t.put("TableSizeBytes", 0);
        ArrayNode schema = t.putArray("KeySchema");
        schema.addObject().put("AttributeName", "pk").put("KeyType", "HASH");
        schema.addObject().put("AttributeName", "sk").put("KeyType", "RANGE");
        ArrayNode attributes = t.putArray("AttributeDefinitions");
        attributes.addObject().put("AttributeName", "pk").put("AttributeType", "S");
        attributes.addObject().put("AttributeName", "sk").put("AttributeType", "B");
        t.putObject("BillingModeSummary").put("BillingMode", "PAY_PER_REQUEST");
        return t;
    }
}
