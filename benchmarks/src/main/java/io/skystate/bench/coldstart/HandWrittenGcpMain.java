package io.skystate.bench.coldstart;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Launches {@link HandWrittenGcpFunction} as {@link GcpMain} launches Skystate's entry point: construction, then one
 * POST with a JSON line from stdin through {@code service}; the body on stdout. Same {@code timing} line with
 * {@code -Dbench.timing=true}.
 */
public final class HandWrittenGcpMain {
    private HandWrittenGcpMain() {
    }

    public static void main(String[] args) throws Exception {
        LaunchClock clock = LaunchClock.start();
        HandWrittenGcpFunction function = new HandWrittenGcpFunction();
        clock.opened();
        GcpBenchExchange.Request request = new GcpBenchExchange.Request("/hello",
                Map.of("Content-Type", "application/json"), clock.readRequest().getBytes(StandardCharsets.UTF_8));
        GcpBenchExchange.Response response = new GcpBenchExchange.Response();
        function.service(request, response);
        clock.respond(response.body());
    }
}
