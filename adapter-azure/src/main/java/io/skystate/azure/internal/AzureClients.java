package io.skystate.azure.internal;

import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.cosmos.CosmosClient;
import com.azure.cosmos.CosmosClientBuilder;
import com.azure.cosmos.ThrottlingRetryOptions;
import com.azure.data.tables.TableServiceClient;
import com.azure.data.tables.TableServiceClientBuilder;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import com.azure.storage.queue.QueueMessageEncoding;
import com.azure.storage.queue.QueueServiceClient;
import com.azure.storage.queue.QueueServiceClientBuilder;
import io.skystate.core.util.Lazy;
import java.time.Duration;
import java.util.Optional;

/**
 * The SDK clients, each built on first use. Retries are the SDKs' own: Tables and Queues back off exponentially from
 * 100 ms to at most 2 s over {@value #STORAGE_RETRIES} retries on 408, 429, 500, 502, 503, 504 and network errors;
 * Cosmos DB retries 429s (up to 9 times within 30 s, honouring {@code x-ms-retry-after-ms}) and its own transient
 * failures. What still fails after that reaches {@link AzureErrors}. Thread-safe.
 */
public final class AzureClients implements AutoCloseable {
    static final int STORAGE_RETRIES = 5;

    /** Where the clients connect. {@code cosmosEndpoint} may be null when state lives in tables. */
    public record Settings(String storageConnectionString, String cosmosEndpoint, String cosmosKey, boolean cosmosGateway,
            boolean cosmosEndpointDiscovery) {
    }

    private final Lazy<TableServiceClient> tables;
    private final Lazy<QueueServiceClient> queues;
    private final Lazy<CosmosClient> cosmos;

    public AzureClients(Settings settings) {
        this.tables = new Lazy<>(() -> new TableServiceClientBuilder()
                .connectionString(require(settings.storageConnectionString(), "azure.storage.connection-string"))
                .retryOptions(new RetryOptions(new ExponentialBackoffOptions().setMaxRetries(STORAGE_RETRIES)
                        .setBaseDelay(Duration.ofMillis(100)).setMaxDelay(Duration.ofSeconds(2))))
                .buildClient());
        this.queues = new Lazy<>(() -> new QueueServiceClientBuilder()
                .connectionString(require(settings.storageConnectionString(), "azure.storage.connection-string"))
                .messageEncoding(QueueMessageEncoding.BASE64)
                .retryOptions(new RequestRetryOptions(RetryPolicyType.EXPONENTIAL, STORAGE_RETRIES + 1,
                        Duration.ofSeconds(60), Duration.ofMillis(100), Duration.ofSeconds(2), null))
                .buildClient());
        this.cosmos = new Lazy<>(() -> {
            CosmosClientBuilder builder = new CosmosClientBuilder()
                    .endpoint(require(settings.cosmosEndpoint(), "azure.cosmos.endpoint"))
                    .key(require(settings.cosmosKey(), "azure.cosmos.key"))
                    .endpointDiscoveryEnabled(settings.cosmosEndpointDiscovery())
                    .contentResponseOnWriteEnabled(false)
                    .throttlingRetryOptions(new ThrottlingRetryOptions());
            return (settings.cosmosGateway() ? builder.gatewayMode() : builder.directMode()).buildClient();
        });
    }

    public TableServiceClient tables() {
        return tables.get();
    }

    public QueueServiceClient queues() {
        return queues.get();
    }

    public CosmosClient cosmos() {
        return cosmos.get();
    }

    /** The native client of {@code type}, if this instance uses one. */
    public <T> Optional<T> unwrap(Class<T> type) {
        for (Lazy<?> client : java.util.List.of(tables, queues, cosmos)) {
            Object opened = client.getIfPresent();
            if (type.isInstance(opened)) {
                return Optional.of(type.cast(opened));
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        Optional.ofNullable(cosmos.getIfPresent()).ifPresent(CosmosClient::close);
    }

    private static String require(String value, String property) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("set " + property + ": this instance needs it");
        }
        return value;
    }
}
