package io.skystate.aws.internal;

import java.util.function.Supplier;

/**
 * A value computed on first use, once, thread-safely. A Lambda cold start then pays only for the services the
 * invocation touches (an SDK client costs about 300 ms of class loading on a cold JVM).
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
