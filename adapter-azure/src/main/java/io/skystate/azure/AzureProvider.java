package io.skystate.azure;

import io.skystate.api.Skystate;
import io.skystate.api.SkystateConfig;
import io.skystate.api.WorkflowPortability;
import io.skystate.api.WorkflowWorkers;
import io.skystate.api.spi.SkystateProvider;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Discovers the Azure adapter as provider {@value AzureSkystate#PROVIDER}. Properties (every one is optional but the
 * storage connection string, and the Cosmos DB endpoint and key when {@code azure.state=cosmos}):
 * <ul>
 *   <li>{@code azure.state}: {@code tables} (default) or {@code cosmos};</li>
 *   <li>{@code azure.storage.connection-string}: the storage account (queues, claim checks, table state), else the
 *       environment variable {@code AzureWebJobsStorage} that every function app has;</li>
 *   <li>{@code azure.cosmos.endpoint}, {@code azure.cosmos.key}, {@code azure.cosmos.database} (default
 *       {@code skystate}), {@code azure.cosmos.gateway} (default false: direct mode),
 *       {@code azure.cosmos.endpoint-discovery} (default true);</li>
 *   <li>{@code azure.prefix} (default {@code skystate}), {@code azure.create-resources} (default true);</li>
 *   <li>{@code azure.http.base-url} (the function app's URL: callback URLs), {@code azure.http.handler-endpoints}
 *       (default false);</li>
 *   <li>{@code azure.sweep-interval} (ISO-8601 duration between deletions of expired table entities, default PT10M);</li>
 *   <li>{@code azure.key-encryption-key} (Base64): wraps the key rings Skystate generates and stores;</li>
 *   <li>and the common {@code workflows.portability}.</li>
 * </ul>
 * Available when a storage connection string is configured or in the environment. Stateless.
 */
public final class AzureProvider implements SkystateProvider {
    static final String STORAGE_ENV = "AzureWebJobsStorage";

    @Override
    public String id() {
        return AzureSkystate.PROVIDER;
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public Set<String> properties() {
        return Set.of("azure.state", "azure.storage.connection-string", "azure.cosmos.endpoint", "azure.cosmos.key",
                "azure.cosmos.database", "azure.cosmos.gateway", "azure.cosmos.endpoint-discovery", "azure.prefix",
                "azure.create-resources", "azure.http.base-url", "azure.http.handler-endpoints", "azure.sweep-interval",
                "azure.key-encryption-key", "azure.durable.host", "azure.durable.port");
    }

    @Override
    public Optional<String> unavailableReason(SkystateConfig config) {
        return storage(config).isPresent() ? Optional.empty()
                : Optional.of("no storage account (set azure.storage.connection-string or " + STORAGE_ENV + ")");
    }

    @Override
    public Skystate create(SkystateConfig config) {
        AzureSkystateBuilder builder = AzureSkystate.builder().clock(config.clock());
        storage(config).ifPresent(builder::storageConnectionString);
        config.property("azure.state").map(AzureSkystateBuilder.StateBackend::parse).ifPresent(builder::state);
        Optional<String> endpoint = config.property("azure.cosmos.endpoint");
        Optional<String> key = config.property("azure.cosmos.key");
        if (endpoint.isPresent() && key.isPresent()) {
            builder.cosmos(endpoint.get(), key.get());
        }
        config.property("azure.cosmos.database").ifPresent(builder::cosmosDatabase);
        config.property("azure.cosmos.gateway").map(Boolean::parseBoolean).ifPresent(builder::cosmosGateway);
        config.property("azure.cosmos.endpoint-discovery").map(Boolean::parseBoolean).ifPresent(builder::cosmosEndpointDiscovery);
        config.property("azure.prefix").ifPresent(builder::prefix);
        config.property("azure.create-resources").map(Boolean::parseBoolean).ifPresent(builder::createResources);
        config.property("azure.http.base-url").map(URI::create).ifPresent(builder::httpBaseUrl);
        config.property("azure.durable.host").ifPresent(host -> builder.durableTask(host,
                Integer.parseInt(config.property("azure.durable.port").orElse("4001"))));
        config.property("azure.http.handler-endpoints").map(Boolean::parseBoolean).ifPresent(builder::handlerEndpoints);
        config.property("azure.sweep-interval").map(Duration::parse).ifPresent(builder::sweepInterval);
        config.property("azure.key-encryption-key").map(java.util.Base64.getDecoder()::decode).ifPresent(builder::keyEncryptionKey);
        config.property(WorkflowPortability.PROPERTY).map(WorkflowPortability::parse).ifPresent(builder::workflowPortability);
        config.property(WorkflowWorkers.PROPERTY).map(WorkflowWorkers::parse).ifPresent(builder::workflowWorkers);
        config.callbackKeys().ifPresent(builder::callbackKeys);
        config.sessionKeys().ifPresent(builder::sessionKeys);
        return builder.build();
    }

    private static Optional<String> storage(SkystateConfig config) {
        return config.property("azure.storage.connection-string").or(() -> Optional.ofNullable(System.getenv(STORAGE_ENV)));
    }
}
