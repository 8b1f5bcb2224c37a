package io.skystate.bench.coldstart;

import com.microsoft.azure.functions.HttpResponseMessage;
import io.skystate.azure.functions.FunctionsRuntime;
import io.skystate.azure.functions.SkystateFunctions;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Cold start through Skystate's Azure Functions entry point, without Spring: what the Java worker does for the first
 * HTTP invocation of a new instance, minus the worker and the host. Init: the function class's no-argument constructor
 * ({@link SkystateFunctions#SkystateFunctions()}, which opens {@link FunctionsRuntime}'s instance from the app
 * settings in the environment and applies the jar's {@link HelloModule}). Invoke: {@code POST
 * /skystate/handlers/hello} with one JSON line from stdin as the body and the signed headers of
 * {@code -Dbench.signed} ({@link SignedRequest}) through {@link SkystateFunctions#http}: the handler endpoint
 * verifies the signature against the stored key ring and records the nonce (two Table storage calls, on Azurite
 * here) before it runs {@code hello}; the response body on stdout. {@code -Dbench.timing=true} writes the
 * {@code timing} line of {@link LambdaMain} to stderr.
 */
public final class AzureMain {
    private AzureMain() {
    }

    public static void main(String[] args) throws Exception {
        LaunchClock clock = LaunchClock.start();
        SkystateFunctions functions = new SkystateFunctions();
        clock.opened();
        byte[] body = clock.readRequest().getBytes(StandardCharsets.UTF_8);
        AzureBenchRequest<Optional<byte[]>> request = new AzureBenchRequest<>(
                "/skystate/handlers/" + SignedRequest.HANDLER, SignedRequest.headers(), Optional.of(body));
        HttpResponseMessage response = functions.http(request, request);
        Object out = response.getBody();
        String text = out instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(out);
        clock.respond(response.getStatusCode() == 200 ? text : "status " + response.getStatusCode() + " " + text);
        FunctionsRuntime.skystate().close();
        System.exit(0);
    }
}
