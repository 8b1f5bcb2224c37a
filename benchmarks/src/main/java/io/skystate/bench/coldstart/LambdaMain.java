package io.skystate.bench.coldstart;

import io.skystate.aws.AwsSkystate;
import io.skystate.aws.lambda.LambdaPriming;
import io.skystate.aws.lambda.LambdaRuntime;
import io.skystate.aws.lambda.SkystateLambdaHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Cold start through Skystate's real Lambda entry point, without Spring: what the Lambda Java runtime does in a new
 * execution environment, minus the runtime itself. Init: {@link LambdaRuntime#open} from the environment
 * ({@code AWS_ENDPOINT_URL}, {@code AWS_REGION}, {@code SKYSTATE_PREFIX}, {@code SKYSTATE_CREATE_RESOURCES}; the
 * credentials from the SDK's default chain, here the {@code aws.accessKeyId}/{@code aws.secretAccessKey}
 * properties), which prepares the SDK clients (built on first use) and applies the
 * {@link io.skystate.api.handler.HandlerModule}s of the jar ({@link HelloModule}), then the SnapStart priming
 * registration {@link LambdaRuntime#skystate()} does (none here: not a SnapStart initialization). Invoke: one JSON
 * event from stdin through {@link SkystateLambdaHandler#handleRequest} to handler {@code hello}; the response on
 * stdout. With {@code -Dbench.prime=true} it registers priming in the init and calls its hook
 * ({@link LambdaPriming#beforeCheckpoint}) before the request, in this JVM: the measurable stand-in for a request
 * after a SnapStart restore (this JDK cannot checkpoint).
 * With {@code -Dbench.timing=true} it writes {@code timing main=<ms> open=<ms> response=<ms> prime_us=<µs>
 * request_us=<µs>} (epoch milliseconds; priming and first-request durations) to stderr for the report.
 */
public final class LambdaMain {
    private LambdaMain() {
    }

    public static void main(String[] args) throws Exception {
        LaunchClock clock = LaunchClock.start();
        AwsSkystate skystate = LambdaRuntime.open(System.getenv());
        LambdaPriming priming = Boolean.getBoolean("bench.prime") ? LambdaPriming.register(skystate)
                : LambdaPriming.registerForSnapStart(skystate, System.getenv()).orElse(null);
        clock.opened();
        SkystateLambdaHandler handler = new SkystateLambdaHandler(skystate, "hello");
        if (priming != null) { // only with -Dbench.prime: the hand-written launch has no hook (nor its lambda) either
            clock.prime(() -> priming.beforeCheckpoint(null));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(clock.readRequest().getBytes(StandardCharsets.UTF_8)), out,
                new BenchContext());
        clock.respond(out.toString(StandardCharsets.UTF_8));
        skystate.close();
    }
}
