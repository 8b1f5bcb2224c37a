package io.skystate.observability.internal;

import java.util.function.Supplier;

/**
 * A value computed on first use, once: the decorator must not touch an adapter's lazily built services (workflows,
 * callbacks) before the application does. Thread-safe.
 */
final class Memo<T> {
    private final Supplier<T> supplier;
    private volatile T value;

    Memo(Supplier<T> supplier) {
        this.supplier = supplier;
    }

    T get() {
        T current = value;
        if (current == null) {
            synchronized (this) {
                current = value;
                if (current == null) {
                    current = supplier.get();
                    value = current;
                }
            }
        }
        return current;
    }
}
