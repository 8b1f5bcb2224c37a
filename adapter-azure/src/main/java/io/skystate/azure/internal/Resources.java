package io.skystate.azure.internal;

import com.azure.cosmos.CosmosContainer;
import com.azure.cosmos.CosmosDatabase;
import com.azure.cosmos.models.CosmosContainerProperties;
import com.azure.cosmos.models.PartitionKeyDefinition;
import com.azure.cosmos.models.PartitionKeyDefinitionVersion;
import com.azure.data.tables.TableClient;
import com.azure.storage.queue.QueueClient;
import io.skystate.core.util.Lazy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Names Azure resources ({@link AzureNames}) and, when allowed, creates missing tables, queues, the Cosmos DB
 * database and containers once, on first use (otherwise the deployment template owns them). Containers are
 * partitioned on {@code /pk} (hash version 2, for long keys) with TTL on and no default. Thread-safe.
 */
public final class Resources {
    private final AzureClients clients;
    private final String prefix;
    private final String database;
    private final boolean create;
    private final Map<String, TableClient> tables = new ConcurrentHashMap<>();
    private final Map<String, QueueClient> queues = new ConcurrentHashMap<>();
    private final Map<String, CosmosContainer> containers = new ConcurrentHashMap<>();
    private final Lazy<CosmosDatabase> cosmosDatabase;

    public Resources(AzureClients clients, String prefix, String database, boolean create) {
        this.clients = clients;
        this.prefix = AzureNames.checkPrefix(prefix);
        this.database = database;
        this.create = create;
        this.cosmosDatabase = new Lazy<>(() -> {
            try {
                if (create) {
                    clients.cosmos().createDatabaseIfNotExists(database);
                }
                return clients.cosmos().getDatabase(database);
            } catch (RuntimeException e) {
                throw AzureErrors.translate("database " + database, e);
            }
        });
    }

    public String prefix() {
        return prefix;
    }

    public TableClient table(String store) {
        return tables.computeIfAbsent(AzureNames.table(prefix, store), name -> {
            try {
                if (create) {
                    clients.tables().createTableIfNotExists(name);
                }
                return clients.tables().getTableClient(name);
            } catch (RuntimeException e) {
                throw AzureErrors.translate("table " + name, e);
            }
        });
    }

    public QueueClient queue(String queue) {
        return queues.computeIfAbsent(AzureNames.queue(prefix, queue), name -> {
            try {
                QueueClient client = clients.queues().getQueueClient(name);
                if (create) {
                    client.createIfNotExists();
                }
                return client;
            } catch (RuntimeException e) {
                throw AzureErrors.translate("queue " + name, e);
            }
        });
    }

    public CosmosContainer container(String store) {
        return containers.computeIfAbsent(AzureNames.container(prefix, store), name -> {
            try {
                if (create) {
                    PartitionKeyDefinition pk = new PartitionKeyDefinition();
                    pk.setPaths(List.of("/pk"));
                    pk.setVersion(PartitionKeyDefinitionVersion.V2);
                    CosmosContainerProperties properties = new CosmosContainerProperties(name, pk);
                    properties.setDefaultTimeToLiveInSeconds(-1);
                    cosmosDatabase.get().createContainerIfNotExists(properties);
                }
                return cosmosDatabase.get().getContainer(name);
            } catch (RuntimeException e) {
                throw AzureErrors.translate("container " + name, e);
            }
        });
    }
}
