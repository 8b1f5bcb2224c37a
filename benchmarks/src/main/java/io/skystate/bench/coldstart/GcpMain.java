package io.skystate.bench.coldstart;

import io.skystate.gcp.functions.FunctionRuntime;
import io.skystate.gcp.functions.SkystateHttpFunction;
import java.nio.charset.StandardCharsets;

/**
 * Cold start through Skystate's Cloud Functions entry point, without Spring: what the Functions Framework does for
 * the first request of a new instance, minus its Jetty server. Init: the function class's no-argument constructor
 * ({@link SkystateHttpFunction#SkystateHttpFunction()}, which opens {@link FunctionRuntime}'s instance from the
 * environment and applies the jar's {@link HelloModule}). Invoke: {@code POST /skystate/handlers/hello} with one JSON
 * line from stdin and the signed headers of {@code -Dbench.signed} ({@link SignedRequest}) through
 * {@link SkystateHttpFunction#service}: the handler endpoint verifies the signature against the stored key ring and
 * records the nonce (two Firestore calls, on the emulator here) before it runs {@code hello}; the body on stdout.
 * {@code -Dbench.timing=true} writes the {@code timing} line of {@link LambdaMain} to stderr.
 */
public final class GcpMain {
    private GcpMain() {
    }

    public static void main(String[] args) throws Exception {
        LaunchClock clock = LaunchClock.start();
        SkystateHttpFunction function = new SkystateHttpFunction();
        clock.opened();
        GcpBenchExchange.Request request = new GcpBenchExchange.Request("/skystate/handlers/" + SignedRequest.HANDLER,
                SignedRequest.headers(), clock.readRequest().getBytes(StandardCharsets.UTF_8));
        GcpBenchExchange.Response response = new GcpBenchExchange.Response();
        function.service(request, response);
        String body = response.body();
        clock.respond(response.status() == 200 ? body : "status " + response.status() + " " + body);
        FunctionRuntime.skystate().close();
        System.exit(0);
    }
}
