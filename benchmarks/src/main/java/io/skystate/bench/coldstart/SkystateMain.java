package io.skystate.bench.coldstart;

import io.skystate.api.handler.HandlerDefinition;
import io.skystate.core.handler.HandlerRegistry;
import io.skystate.core.json.JacksonCodec;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

/**
 * Cold start through Skystate's plain path: core's {@link HandlerRegistry} and {@link JacksonCodec}, no adapter (what
 * a cloud entry point does before it calls the handler): JSON line in, typed handler, JSON line out.
 */
public final class SkystateMain {
    private SkystateMain() {
    }

    public record Greet(String name) {
    }

    public record Greeting(String greeting) {
    }

    public static void main(String[] args) throws Exception {
        HandlerRegistry handlers = new HandlerRegistry("bench", new JacksonCodec("bench"), Clock.systemUTC(),
                () -> null, name -> Optional.empty(), () -> null);
        handlers.register(HandlerDefinition.ofFunction("greet", Greet.class, Greeting.class,
                g -> new Greeting("hello " + g.name())));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        byte[] out = handlers.invokeJson("greet", in.readLine().getBytes(StandardCharsets.UTF_8));
        System.out.println(new String(out, StandardCharsets.UTF_8));
        System.out.flush();
    }
}
