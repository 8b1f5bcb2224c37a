package io.skystate.gcp.functions;

import io.skystate.api.handler.HandlerModule;
import io.skystate.gcp.GcpSkystate;
import io.skystate.gcp.GcpSkystateBuilder;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The one {@link GcpSkystate} of a Cloud Functions instance, created on first use (the cold start) from its
 * configuration, with every {@link HandlerModule} on the class path applied to it; reused by every invocation.
 * Configuration comes from environment variables (set with {@code gcloud functions deploy --set-env-vars}), or JVM
 * system properties of the same names for local runs: {@code GOOGLE_CLOUD_PROJECT} (required),
 * {@code SKYSTATE_PREFIX}, {@code SKYSTATE_FIRESTORE_DATABASE}, {@code SKYSTATE_HTTP_BASE_URL},
 * {@code SKYSTATE_HANDLER_ENDPOINTS} ({@code true} to serve handlers over HTTP), {@code SKYSTATE_KMS_KEY} (the Cloud
 * KMS key wrapping stored key rings; {@code SKYSTATE_KEY_ENCRYPTION_KEY}, Base64, instead where there is no KMS),
 * {@code SKYSTATE_CREATE_RESOURCES}
 * (default {@code false}: the deploy commands own topics and subscriptions), {@code SKYSTATE_WORKFLOWS_LOCATION} (runs
 * workflows on Cloud Workflows in that region), {@code SKYSTATE_WORKFLOWS_ENDPOINT} (an HTTP/JSON Workflows API such
 * as Skystate's Workflows runner, for local runs), {@code SKYSTATE_WORKFLOWS_SERVICE_ACCOUNT},
 * {@code SKYSTATE_WORKFLOWS_SWEEP_SECONDS} (default 0: a function instance has no CPU between requests, so Cloud
 * Scheduler calls {@code /skystate/workflow-tasks/sweep} instead), and the emulator variables the Google
 * clients know, {@code FIRESTORE_EMULATOR_HOST} and {@code PUBSUB_EMULATOR_HOST}.
 */
public final class FunctionRuntime {
    private static volatile GcpSkystate instance;

    private FunctionRuntime() {
    }

    public static GcpSkystate skystate() {
        GcpSkystate current = instance;
        if (current == null) {
            synchronized (FunctionRuntime.class) {
                current = instance;
                if (current == null) {
                    current = open(configuration());
                    instance = current;
                }
            }
        }
        return current;
    }

    /** The environment, overlaid on JVM system properties of the same names. */
    static Map<String, String> configuration() {
        Map<String, String> config = new HashMap<>();
        System.getProperties().forEach((k, v) -> config.put(String.valueOf(k), String.valueOf(v)));
        config.putAll(System.getenv());
        return config;
    }

    /** Opens an instance from {@code env} and applies every {@link HandlerModule}; public for tests. */
    public static GcpSkystate open(Map<String, String> env) {
        GcpSkystateBuilder builder = GcpSkystate.builder()
                .project(env.getOrDefault("GOOGLE_CLOUD_PROJECT", ""))
                .prefix(env.getOrDefault("SKYSTATE_PREFIX", "skystate-"))
                .createResources(Boolean.parseBoolean(env.getOrDefault("SKYSTATE_CREATE_RESOURCES", "false")))
                .handlerEndpoints(Boolean.parseBoolean(env.getOrDefault("SKYSTATE_HANDLER_ENDPOINTS", "false")));
        if (env.containsKey("SKYSTATE_KMS_KEY")) {
            builder.kmsKey(env.get("SKYSTATE_KMS_KEY"));
        }
        if (env.containsKey("SKYSTATE_KEY_ENCRYPTION_KEY")) {
            builder.keyEncryptionKey(java.util.Base64.getDecoder().decode(env.get("SKYSTATE_KEY_ENCRYPTION_KEY")));
        }
        if (env.containsKey("SKYSTATE_FIRESTORE_DATABASE")) {
            builder.database(env.get("SKYSTATE_FIRESTORE_DATABASE"));
        }
        if (env.containsKey("SKYSTATE_HTTP_BASE_URL")) {
            builder.httpBaseUrl(URI.create(env.get("SKYSTATE_HTTP_BASE_URL")));
        }
        if (env.containsKey("SKYSTATE_WORKFLOWS_LOCATION")) {
            builder.workflowsLocation(env.get("SKYSTATE_WORKFLOWS_LOCATION")).workflowSweepInterval(
                    java.time.Duration.ofSeconds(Long.parseLong(env.getOrDefault("SKYSTATE_WORKFLOWS_SWEEP_SECONDS", "0"))));
        }
        if (env.containsKey("SKYSTATE_WORKFLOWS_ENDPOINT")) {
            builder.workflowsEndpoint(env.get("SKYSTATE_WORKFLOWS_ENDPOINT"));
        }
        if (env.containsKey("SKYSTATE_WORKFLOWS_SERVICE_ACCOUNT")) {
            builder.workflowServiceAccount(env.get("SKYSTATE_WORKFLOWS_SERVICE_ACCOUNT"));
        }
        if (env.containsKey("FIRESTORE_EMULATOR_HOST")) {
            builder.firestoreEmulator(env.get("FIRESTORE_EMULATOR_HOST"));
        }
        if (env.containsKey("PUBSUB_EMULATOR_HOST")) {
            builder.pubSubEmulator(env.get("PUBSUB_EMULATOR_HOST"));
        }
        GcpSkystate skystate = builder.build();
        ServiceLoader.load(HandlerModule.class).forEach(module -> module.configure(skystate));
        return skystate;
    }
}
