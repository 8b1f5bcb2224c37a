package io.skystate.azure.internal;

import java.util.function.Supplier;

/**
 * A value computed on first use, once, thread-safely: a function app that only serves a handler pays for no SDK
 * client it does not touch.
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
