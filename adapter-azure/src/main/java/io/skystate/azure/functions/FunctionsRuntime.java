package io.skystate.azure.functions;

import io.skystate.api.handler.HandlerModule;
import io.skystate.azure.AzureSkystate;
import io.skystate.azure.AzureSkystateBuilder;
import java.net.URI;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The one {@link AzureSkystate} of a function app's worker process, created on first use from app settings
 * (environment variables) with every {@link HandlerModule} on the class path applied to it:
 * {@code AzureWebJobsStorage} (the storage account every function app has), {@code SKYSTATE_AZURE_STATE}
 * ({@code tables} or {@code cosmos}), {@code SKYSTATE_COSMOS_ENDPOINT}, {@code SKYSTATE_COSMOS_KEY},
 * {@code SKYSTATE_COSMOS_DATABASE}, {@code SKYSTATE_PREFIX}, {@code SKYSTATE_HTTP_BASE_URL},
 * {@code SKYSTATE_KEY_ENCRYPTION_KEY} (Base64; wraps the stored key rings),
 * {@code SKYSTATE_HANDLER_ENDPOINTS} (default {@code false}), {@code SKYSTATE_CREATE_RESOURCES} (default
 * {@code false}: the deployment template owns the resources) and, for workflows, either
 * {@value DurableWorkflowFunctions#TASK_HUB_SETTING} (workflows on the host's Durable Functions extension, which
 * dispatches them to {@link DurableWorkflowFunctions}; the setting also names the task hub in {@code host.json}) or
 * {@code SKYSTATE_DURABLE_HOST} and {@code SKYSTATE_DURABLE_PORT} (a Durable Task gRPC endpoint this process runs
 * workers for, outside the Functions host; takes precedence). Thread-safe.
 */
public final class FunctionsRuntime {
    private static volatile AzureSkystate instance;

    private FunctionsRuntime() {
    }

    public static AzureSkystate skystate() {
        AzureSkystate current = instance;
        if (current == null) {
            synchronized (FunctionsRuntime.class) {
                current = instance;
                if (current == null) {
                    current = open(System.getenv());
                    instance = current;
                }
            }
        }
        return current;
    }

    /** Opens an instance from {@code env} and applies every {@link HandlerModule}; public for tests. */
    public static AzureSkystate open(Map<String, String> env) {
        AzureSkystateBuilder builder = AzureSkystate.builder()
                .prefix(env.getOrDefault("SKYSTATE_PREFIX", "skystate"))
                .createResources(Boolean.parseBoolean(env.getOrDefault("SKYSTATE_CREATE_RESOURCES", "false")))
                .handlerEndpoints(Boolean.parseBoolean(env.getOrDefault("SKYSTATE_HANDLER_ENDPOINTS", "false")));
        if (env.containsKey("AzureWebJobsStorage")) {
            builder.storageConnectionString(env.get("AzureWebJobsStorage"));
        }
        if (env.containsKey("SKYSTATE_AZURE_STATE")) {
            builder.state(AzureSkystateBuilder.StateBackend.parse(env.get("SKYSTATE_AZURE_STATE")));
        }
        if (env.containsKey("SKYSTATE_COSMOS_ENDPOINT") && env.containsKey("SKYSTATE_COSMOS_KEY")) {
            builder.cosmos(env.get("SKYSTATE_COSMOS_ENDPOINT"), env.get("SKYSTATE_COSMOS_KEY"));
        }
        if (env.containsKey("SKYSTATE_COSMOS_DATABASE")) {
            builder.cosmosDatabase(env.get("SKYSTATE_COSMOS_DATABASE"));
        }
        if (env.containsKey("SKYSTATE_KEY_ENCRYPTION_KEY")) {
            builder.keyEncryptionKey(java.util.Base64.getDecoder().decode(env.get("SKYSTATE_KEY_ENCRYPTION_KEY")));
        }
        if (env.containsKey("SKYSTATE_HTTP_BASE_URL")) {
            builder.httpBaseUrl(URI.create(env.get("SKYSTATE_HTTP_BASE_URL")));
        }
        if (env.containsKey("SKYSTATE_DURABLE_HOST")) {
            builder.durableTask(env.get("SKYSTATE_DURABLE_HOST"), Integer.parseInt(env.getOrDefault("SKYSTATE_DURABLE_PORT", "4001")));
        } else if (env.containsKey(DurableWorkflowFunctions.TASK_HUB_SETTING)) {
            builder.durableFunctions();
        }
        AzureSkystate skystate = builder.build();
        ServiceLoader.load(HandlerModule.class).forEach(module -> module.configure(skystate));
        return skystate;
    }
}
