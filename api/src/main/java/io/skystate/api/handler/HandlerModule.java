package io.skystate.api.handler;

import io.skystate.api.Skystate;

/**
 * An application's handlers (and workflows), packaged so that a cloud entry point can set them up: a Lambda,
 * Azure Functions or Cloud Functions entry point opens the provider's {@link Skystate}, finds every
 * {@code HandlerModule} listed in {@code META-INF/services/io.skystate.api.handler.HandlerModule}, calls
 * {@link #configure} once per cold start, and then dispatches invocations by handler name. Implementations need a
 * public no-argument constructor.
 */
@FunctionalInterface
public interface HandlerModule {
    /** Registers handlers (and, if the module owns them, workflow definitions) on {@code skystate}. */
    void configure(Skystate skystate);
}
