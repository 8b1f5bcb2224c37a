package io.skystate.bench.coldstart;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
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
        long main = System.currentTimeMillis();
        HandWrittenHandler handler = new HandWrittenHandler();
        long open = System.currentTimeMillis();
        long request0 = System.nanoTime();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(in.readLine().getBytes(StandardCharsets.UTF_8)), out,
                new BenchContext());
        System.out.println(out.toString(StandardCharsets.UTF_8));
        System.out.flush();
        long request1 = System.nanoTime();
        long response = System.currentTimeMillis();
        if (Boolean.getBoolean("bench.timing")) {
            System.err.println("timing main=" + main + " open=" + open + " response=" + response
                    + " prime_us=0 request_us=" + (request1 - request0) / 1000);
            System.err.flush();
        }
    }
}
