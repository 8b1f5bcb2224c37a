package io.skystate.core.util;

import java.util.function.Supplier;

/**
 * A value computed on first use, once, thread-safely. Adapters build SDK clients and services this way, so a
 * function cold start pays only for what the invocation touches (an SDK client costs hundreds of milliseconds of
 * class loading on a cold JVM).
 */
public final class Lazy<T> implements Supplier<T> {
    private final Supplier<T> factory;
    private volatile T value;

    public Lazy(Supplier<T> factory) {
        this.factory = factory;
    }

    @Override
    public T get() {
        T current = value;
        if (current == null) {
            synchronized (this) {
                current = value;
                if (current == null) {
                    current = factory.get();
                    value = current;
                }
            }
        }
        return current;
    }

    /** The value if it was ever computed; for closing only what was opened. */
    public T getIfPresent() {
        return value;
    }
}
