package io.skystate.bench.coldstart;

import com.microsoft.azure.functions.HttpResponseMessage;
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
        LaunchClock clock = LaunchClock.start();
        HandWrittenAzureFunction function = new HandWrittenAzureFunction();
        clock.opened();
        AzureBenchRequest<Optional<String>> request = new AzureBenchRequest<>("/api/hello",
                Map.of("Content-Type", "application/json"), Optional.of(clock.readRequest()));
        HttpResponseMessage response = function.run(request, request);
        clock.respond(String.valueOf(response.getBody()));
    }
}
