package io.skystate.gcpworkflows.internal.stdlib;

import static io.skystate.gcpworkflows.internal.stdlib.Function.Param.required;

import io.skystate.gcpworkflows.internal.value.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code map.get}, {@code map.delete}, {@code map.merge}, {@code map.merge_nested}
 * (https://cloud.google.com/workflows/docs/reference/stdlib/map/get etc.) and {@code list.concat},
 * {@code list.prepend} (https://cloud.google.com/workflows/docs/reference/stdlib/list/concat etc.). Every function
 * returns a new value and leaves its arguments unchanged. Stateless.
 */
final class CollectionFunctions {
    private CollectionFunctions() {
    }

    static void register(Registry registry) {
        registry.add("map.get", List.of(required("map"), required("keys")), (a, c) -> get(a[0], a[1]));
        registry.add("map.delete", List.of(required("map"), required("key")), (a, c) -> {
            Map<String, Object> copy = copyOf(Args.map(a[0], "map.delete", "map"));
            copy.remove(Args.string(a[1], "map.delete", "key"));
            return copy;
        });
        registry.add("map.merge", List.of(required("first"), required("second")), (a, c) -> {
            Map<String, Object> merged = copyOf(Args.map(a[0], "map.merge", "first"));
            merged.putAll(copyOf(Args.map(a[1], "map.merge", "second")));
            return merged;
        });
        registry.add("map.merge_nested", List.of(required("first"), required("second")), (a, c) ->
                mergeNested(Args.map(a[0], "map.merge_nested", "first"),
                        Args.map(a[1], "map.merge_nested", "second")));
        registry.add("list.concat", List.of(required("objs"), required("val")), (a, c) -> {
            List<Object> list = new ArrayList<>(Args.list(Values.deepCopy(a[0]), "list.concat", "objs"));
            list.add(Values.deepCopy(a[1]));
            return list;
        });
        registry.add("list.prepend", List.of(required("objs"), required("val")), (a, c) -> {
            List<Object> list = new ArrayList<>(Args.list(Values.deepCopy(a[0]), "list.prepend", "objs"));
            list.add(0, Values.deepCopy(a[1]));
            return list;
        });
    }

    /** {@code keys} is one key or a list of keys into nested maps; any missing key (or a null map) gives null. */
    private static Object get(Object map, Object keys) {
        List<Object> path;
        if (keys instanceof String key) {
            path = List.of(key);
        } else if (keys instanceof List<?> list) {
            path = new ArrayList<>(list);
        } else {
            throw Args.wrongType("map.get", "keys", "a string or a list of strings", keys);
        }
        if (map != null && !(map instanceof Map)) {
            throw Args.wrongType("map.get", "map", "a map", map);
        }
        Object current = map;
        for (Object key : path) {
            String name = Args.string(key, "map.get", "keys");
            if (!(current instanceof Map<?, ?> level) || !level.containsKey(name)) {
                return null;
            }
            current = level.get(name);
        }
        return Values.deepCopy(current);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> copyOf(Map<String, Object> map) {
        return (Map<String, Object>) Values.deepCopy(map);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mergeNested(Map<String, Object> first, Map<String, Object> second) {
        Map<String, Object> merged = copyOf(first);
        for (Map.Entry<String, Object> entry : second.entrySet()) {
            Object existing = merged.get(entry.getKey());
            if (existing instanceof Map<?, ?> left && entry.getValue() instanceof Map<?, ?> right) {
                merged.put(entry.getKey(), mergeNested((Map<String, Object>) left, (Map<String, Object>) right));
            } else {
                merged.put(entry.getKey(), Values.deepCopy(entry.getValue()));
            }
        }
        return new LinkedHashMap<>(merged);
    }
}
