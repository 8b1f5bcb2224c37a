package io.skystate.bench.awscanned;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The items of {@link LoopbackDynamo}, in memory: per table and partition ({@code pk}, S) a map ordered by the sort
 * key ({@code sk}, B) in unsigned byte order, as DynamoDB orders binary sort keys. Every table has that key schema
 * (the layout of adapter-aws's state tables, which both sides of the benchmark use). Items are kept as the JSON the
 * client sent ({@code {"pk":{"S":...},...}}). Thread-safe.
 */
final class LoopbackItems {
    private final Map<String, Map<String, NavigableMap<byte[], ObjectNode>>> tables = new HashMap<>();

    synchronized void clear() {
        tables.clear();
    }

    /** The item under {@code key} (a {@code Key} or an item holding the key attributes), or null. */
    synchronized ObjectNode get(String table, JsonNode key) {
        NavigableMap<byte[], ObjectNode> partition = partition(table, pk(key), false);
        return partition == null ? null : partition.get(sk(key));
    }

    synchronized void put(String table, ObjectNode item) {
        partition(table, pk(item), true).put(sk(item), item);
    }

    synchronized void delete(String table, JsonNode key) {
        NavigableMap<byte[], ObjectNode> partition = partition(table, pk(key), false);
        if (partition != null) {
            partition.remove(sk(key));
        }
    }

    /** Up to {@code limit} items of partition {@code pk} whose sort key is after {@code after} (null: from the start). */
    synchronized List<ObjectNode> query(String table, String pk, byte[] after, int limit) {
        NavigableMap<byte[], ObjectNode> partition = partition(table, pk, false);
        List<ObjectNode> items = new ArrayList<>();
        if (partition == null) {
            return items;
        }
        for (ObjectNode item : (after == null ? partition : partition.tailMap(after, false)).values()) {
            if (items.size() == limit) {
                break;
            }
            items.add(item);
        }
        return items;
    }

    private NavigableMap<byte[], ObjectNode> partition(String table, String pk, boolean create) {
        Map<String, NavigableMap<byte[], ObjectNode>> partitions = create
                ? tables.computeIfAbsent(table, t -> new HashMap<>()) : tables.get(table);
        if (partitions == null) {
            return null;
        }
        return create ? partitions.computeIfAbsent(pk, p -> new TreeMap<>(Arrays::compareUnsigned)) : partitions.get(pk);
    }

    static String pk(JsonNode key) {
        JsonNode s = key.path("pk").path("S");
        if (!s.isTextual()) {
            throw LoopbackError.validation("The provided key element does not match the schema");
        }
        return s.asText();
    }

    static byte[] sk(JsonNode key) {
        return binary(key.path("sk"));
    }

    /** The bytes of a B attribute value ({@code {"B":"<base64>"}}). */
    static byte[] binary(JsonNode value) {
        JsonNode b = value.path("B");
        if (!b.isTextual()) {
            throw LoopbackError.validation("The provided key element does not match the schema");
        }
        return Base64.getDecoder().decode(b.asText());
    }
}
