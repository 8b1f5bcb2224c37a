package io.skystate.observability.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A bounded map that forgets its least recently used entry first; saves repeated reads of the observability store. Thread-safe. */
final class Lru<K, V> {
    private final Map<K, V> entries;

    Lru(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized Optional<V> get(K key) {
        return Optional.ofNullable(entries.get(key));
    }

    synchronized void put(K key, V value) {
        entries.put(key, value);
    }

    synchronized void remove(K key) {
        entries.remove(key);
    }
}
