package io.skystate.observability.internal;

/** A call that an {@link Operation} observes; {@code E} lets checked exceptions such as InterruptedException through. */
@FunctionalInterface
public interface Call<T, E extends Exception> {
    T call() throws E;
}
