package io.skystate.bench.coldstart;

import com.microsoft.azure.functions.HttpResponseMessage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Launches {@link HandWrittenAzureFunction} as {@link AzureMain} launches Skystate's entry point: construction, then
 * one POST with a JSON line from stdin as the body through the function method; the body on stdout. Same
 * {@code timing} line with {@code -Dbench.timing=true}.
 */
public final class HandWrittenAzureMain {
    private HandWrittenAzureMain() {
    }

    public static void main(String[] args) throws Exception {
        long main = System.currentTimeMillis();
        HandWrittenAzureFunction function = new HandWrittenAzureFunction();
        long open = System.currentTimeMillis();
        long request0 = System.nanoTime();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        AzureBenchRequest<Optional<String>> request = new AzureBenchRequest<>("/api/hello",
                Map.of("Content-Type", "application/json"), Optional.of(in.readLine()));
        HttpResponseMessage response = function.run(request, request);
        System.out.println(response.getBody());
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
