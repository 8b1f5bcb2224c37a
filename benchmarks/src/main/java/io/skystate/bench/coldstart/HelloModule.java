package io.skystate.bench.coldstart;

import io.skystate.api.Skystate;
import io.skystate.api.handler.HandlerDefinition;
import io.skystate.api.handler.HandlerModule;

/**
 * The application of the Lambda cold-start variant ({@link LambdaMain}): one trivial handler {@code hello}, the same
 * as the other variants' ({@code {"name":"ada"}} → {@code {"greeting":"hello ada"}}). Registered through
 * {@code META-INF/services/io.skystate.api.handler.HandlerModule} in the {@code coldstart-lambda} jar only (the
 * service file is {@code src/coldstart-lambda/HandlerModule.services}, added by the shade plugin), as a deployed
 * function's modules are found.
 */
public final class HelloModule implements HandlerModule {
    public record Greet(String name) {
    }

    public record Greeting(String greeting) {
    }

    public HelloModule() {
    }

    @Override
    public void configure(Skystate skystate) {
        skystate.handlers().register(HandlerDefinition.ofFunction("hello", Greet.class, Greeting.class,
                g -> new Greeting("hello " + g.name())));
    }
}
