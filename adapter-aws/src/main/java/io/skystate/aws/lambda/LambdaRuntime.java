package io.skystate.aws.lambda;

import io.skystate.api.handler.HandlerModule;
import io.skystate.aws.AwsSkystate;
import io.skystate.aws.AwsSkystateBuilder;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The one {@link AwsSkystate} of a Lambda execution environment, created on first use (the cold start) from
 * environment variables — {@code SKYSTATE_PREFIX}, {@code SKYSTATE_HTTP_BASE_URL}, {@code SKYSTATE_CREATE_RESOURCES}
 * (default {@code false}: the SAM template owns the resources), {@code AWS_ENDPOINT_URL} — with every
 * {@link HandlerModule} on the class path applied to it. It runs no task-queue worker threads: the task queue's SQS
 * event source hands the messages to {@link SkystateLambdaHandler}. Reused by every invocation of the environment.
 * With SnapStart a {@link LambdaPriming} warms the first request's code paths before the snapshot (registered only
 * then: {@link LambdaPriming#registerForSnapStart}).
 */
public final class LambdaRuntime {
    private static volatile AwsSkystate instance;
    /** Held here: CRaC contexts may reference their resources weakly. */
    private static volatile Optional<LambdaPriming> priming;

    private LambdaRuntime() {
    }

    public static AwsSkystate skystate() {
        AwsSkystate current = instance;
        if (current == null) {
            synchronized (LambdaRuntime.class) {
                current = instance;
                if (current == null) {
                    current = open(System.getenv());
                    priming = LambdaPriming.registerForSnapStart(current, System.getenv());
                    instance = current;
                }
            }
        }
        return current;
    }

    /** Opens an instance from {@code env} and applies every {@link HandlerModule}; public for tests. */
    public static AwsSkystate open(Map<String, String> env) {
        AwsSkystateBuilder builder = AwsSkystate.builder()
                .prefix(env.getOrDefault("SKYSTATE_PREFIX", "skystate-"))
                .createResources(Boolean.parseBoolean(env.getOrDefault("SKYSTATE_CREATE_RESOURCES", "false")))
                .taskWorkers(false);
        if (env.containsKey("SKYSTATE_HTTP_BASE_URL")) {
            builder.httpBaseUrl(URI.create(env.get("SKYSTATE_HTTP_BASE_URL")));
        }
        if (env.containsKey("SKYSTATE_KMS_KEY_ID")) {
            builder.kmsKeyId(env.get("SKYSTATE_KMS_KEY_ID"));
        }
        builder.handlerEndpoints(Boolean.parseBoolean(env.getOrDefault("SKYSTATE_HANDLER_ENDPOINTS", "false")));
        if (env.containsKey("AWS_ENDPOINT_URL")) {
            builder.endpoint(URI.create(env.get("AWS_ENDPOINT_URL")));
        }
        if (env.containsKey("AWS_REGION")) {
            builder.region(env.get("AWS_REGION"));
        }
        AwsSkystate skystate = builder.build();
        for (HandlerModule module : ServiceLoader.load(HandlerModule.class)) {
            module.configure(skystate);
        }
        return skystate;
    }
}
