package io.skystate.bench.coldstart;

import java.io.BufferedReader;
import java.io.InputStreamReader;
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
        long main = System.currentTimeMillis();
        HandWrittenGcpFunction function = new HandWrittenGcpFunction();
        long open = System.currentTimeMillis();
        long request0 = System.nanoTime();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        GcpBenchExchange.Request request = new GcpBenchExchange.Request("/hello",
                Map.of("Content-Type", "application/json"), in.readLine().getBytes(StandardCharsets.UTF_8));
        GcpBenchExchange.Response response = new GcpBenchExchange.Response();
        function.service(request, response);
        System.out.println(response.body());
        System.out.flush();
        long request1 = System.nanoTime();
        long responded = System.currentTimeMillis();
        if (Boolean.getBoolean("bench.timing")) {
            System.err.println("timing main=" + main + " open=" + open + " response=" + responded
                    + " prime_us=0 request_us=" + (request1 - request0) / 1000);
            System.err.flush();
        }
    }
}
