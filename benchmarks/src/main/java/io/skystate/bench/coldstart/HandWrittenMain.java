package io.skystate.bench.coldstart;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Launches {@link HandWrittenHandler} as {@link LambdaMain} launches Skystate's entry point: the handler's
 * construction (its class initialisation: the {@code ObjectMapper}) as the init, then one JSON event from stdin
 * through {@code handleRequest} with a {@link BenchContext}; the response on stdout. With
 * {@code -Dbench.timing=true} it writes the same {@code timing} line as {@link LambdaMain} (no priming).
 */
public final class HandWrittenMain {
    private HandWrittenMain() {
    }

    public static void main(String[] args) throws Exception {
        LaunchClock clock = LaunchClock.start();
        HandWrittenHandler handler = new HandWrittenHandler();
        clock.opened();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(clock.readRequest().getBytes(StandardCharsets.UTF_8)), out,
                new BenchContext());
        clock.respond(out.toString(StandardCharsets.UTF_8));
    }
}
