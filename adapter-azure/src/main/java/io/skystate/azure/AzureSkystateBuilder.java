package io.skystate.azure;

import io.skystate.api.InvalidRequestException;
import io.skystate.api.KeyRing;
import io.skystate.api.WorkflowPortability;
import io.skystate.api.WorkflowWorkers;
import io.skystate.azure.internal.WorkflowEngine;
import io.skystate.azure.internal.durable.DurableEngines;
import io.skystate.core.crypto.AesKeyWrapping;
import io.skystate.core.crypto.KeyWrapping;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Options of an {@link AzureSkystate}. Defaults: state in Azure Table Storage, resource names prefixed
 * {@code skystate}, tables, queues and Cosmos DB containers created on first use, database {@code skystate}, Cosmos
 * DB in direct mode with endpoint discovery, no HTTP endpoints (set {@link #httpBaseUrl} to the function app's URL
 * to get callback URLs; handler endpoints need {@link #handlerEndpoints(boolean)} as well), expired table entities
 * swept every 10 minutes. Not thread-safe.
 */
public final class AzureSkystateBuilder {
    /** Where state records live. */
    public enum StateBackend {
        /** Azure Table Storage, or Azure Cosmos DB for Table through its connection string. */
        TABLES,
        /** Azure Cosmos DB for NoSQL. */
        COSMOS;

        /** {@code tables} or {@code cosmos}, as in the property {@code azure.state}. */
        public static StateBackend parse(String text) {
            return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "tables" -> TABLES;
                case "cosmos" -> COSMOS;
                default -> throw new IllegalArgumentException("azure.state must be 'tables' or 'cosmos', not '" + text + "'");
            };
        }
    }

    StateBackend state = StateBackend.TABLES;
    String storageConnectionString;
    String cosmosEndpoint;
    String cosmosKey;
    String cosmosDatabase = "skystate";
    boolean cosmosGateway;
    boolean cosmosEndpointDiscovery = true;
    String prefix = "skystate";
    boolean createResources = true;
    URI httpBaseUrl;
    boolean handlerEndpoints;
    byte[] keyEncryptionKey;
    KeyRing callbackKeys;
    KeyRing sessionKeys;
    Clock clock = Clock.systemUTC();
    Duration sweepInterval = Duration.ofMinutes(10);
    WorkflowPortability workflowPortability = WorkflowPortability.PORTABLE;
    WorkflowWorkers workflowWorkers = WorkflowWorkers.ON;
    WorkflowEngine.Factory workflowEngine;

    AzureSkystateBuilder() {
    }

    public AzureSkystateBuilder state(StateBackend state) {
        this.state = Objects.requireNonNull(state);
        return this;
    }

    /** The storage account (queues, claim checks, and state when {@link StateBackend#TABLES}); always needed. */
    public AzureSkystateBuilder storageConnectionString(String connectionString) {
        this.storageConnectionString = Objects.requireNonNull(connectionString);
        return this;
    }

    /** The Cosmos DB account endpoint and key, for {@link StateBackend#COSMOS}. */
    public AzureSkystateBuilder cosmos(String endpoint, String key) {
        this.cosmosEndpoint = Objects.requireNonNull(endpoint);
        this.cosmosKey = Objects.requireNonNull(key);
        return this;
    }

    public AzureSkystateBuilder cosmosDatabase(String database) {
        this.cosmosDatabase = Objects.requireNonNull(database);
        return this;
    }

    /** Gateway mode (HTTPS through the gateway) instead of direct mode; emulators need it. */
    public AzureSkystateBuilder cosmosGateway(boolean gateway) {
        this.cosmosGateway = gateway;
        return this;
    }

    /** Whether the SDK discovers the account's regions (emulators advertise addresses that do not work: off). */
    public AzureSkystateBuilder cosmosEndpointDiscovery(boolean discovery) {
        this.cosmosEndpointDiscovery = discovery;
        return this;
    }

    /** Prefix of every table, queue and container name: 1-16 of {@code [a-z0-9]}, starting with a letter. */
    public AzureSkystateBuilder prefix(String prefix) {
        this.prefix = Objects.requireNonNull(prefix);
        return this;
    }

    /** Whether to create missing tables, queues, the database and containers (off when a template owns them). */
    public AzureSkystateBuilder createResources(boolean create) {
        this.createResources = create;
        return this;
    }

    /** Base URL of the function app whose HTTP trigger serves {@code /skystate/...} (callback URLs). */
    public AzureSkystateBuilder httpBaseUrl(URI base) {
        this.httpBaseUrl = base;
        return this;
    }

    /** Whether handlers are reachable over HTTP at {@code /skystate/handlers/<name>} (off by default). */
    public AzureSkystateBuilder handlerEndpoints(boolean enabled) {
        this.handlerEndpoints = enabled;
        return this;
    }

    /**
     * The key-encryption key (at least 32 bytes) that wraps the key rings Skystate generates and stores for callback
     * tokens, signed requests and sessions: the rings are only as safe as this key. Without it (and without explicit
     * {@link #callbackKeys} and {@link #sessionKeys}) those services refuse to start, since a ring is never stored in
     * plain text. Keep it in Key Vault and pass it in through an app setting reference.
     */
    public AzureSkystateBuilder keyEncryptionKey(byte[] key) {
        this.keyEncryptionKey = key.clone();
        return this;
    }

    public AzureSkystateBuilder callbackKeys(KeyRing keys) {
        this.callbackKeys = keys;
        return this;
    }

    public AzureSkystateBuilder sessionKeys(KeyRing keys) {
        this.sessionKeys = keys;
        return this;
    }

    public AzureSkystateBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
        return this;
    }

    /** How often expired table entities are deleted (reads hide them at once regardless). */
    public AzureSkystateBuilder sweepInterval(Duration interval) {
        this.sweepInterval = Objects.requireNonNull(interval);
        return this;
    }

    /** Which workflow definitions to accept once a workflow engine is wired in. */
    public AzureSkystateBuilder workflowPortability(WorkflowPortability portability) {
        this.workflowPortability = Objects.requireNonNull(portability);
        return this;
    }

    /**
     * Whether this instance runs workflow steps ({@link WorkflowWorkers#ON}, the default) or only operates runs
     * ({@link WorkflowWorkers#OFF}: for operator tools and processes without the application's handlers).
     */
    public AzureSkystateBuilder workflowWorkers(WorkflowWorkers workers) {
        this.workflowWorkers = io.skystate.api.Arguments.notNull(workers, "workers");
        return this;
    }

    /**
     * Run workflows on Durable Task: orchestrations live in the sidecar (or Durable Task Scheduler gRPC endpoint) at
     * {@code host:port}, and this instance runs workers for them. Without it, {@code workflows()} is unsupported.
     */
    public AzureSkystateBuilder durableTask(String host, int port) {
        return workflowEngine(DurableEngines.sidecar(host, port));
    }

    /**
     * Run workflows on the Durable Functions extension of the Azure Functions host this process works for: deploy
     * {@code io.skystate.azure.functions.DurableWorkflowFunctions} in the app, and the host dispatches orchestrations
     * and activities to it; this instance starts, queries and stops runs through the host's Durable client, which the
     * first invocation of one of those functions hands it ({@code DurableFunctionsRuntime}). No worker or background
     * loop runs in-process: a queue trigger and a timer trigger deliver callback events and sweep deadlines.
     * {@code FunctionsRuntime} selects this when the app setting {@code SKYSTATE_DURABLE_TASK_HUB} is present.
     */
    public AzureSkystateBuilder durableFunctions() {
        return workflowEngine(DurableEngines.functionsHost());
    }

    /** The workflow engine. */
    AzureSkystateBuilder workflowEngine(WorkflowEngine.Factory factory) {
        this.workflowEngine = factory;
        return this;
    }

    /** How generated key rings are wrapped: with the configured key-encryption key. */
    KeyWrapping keyWrapping() {
        if (keyEncryptionKey == null) {
            throw new InvalidRequestException(AzureSkystate.PROVIDER, "Skystate stores the key rings it generates only"
                    + " wrapped: set azure.key-encryption-key (Base64, at least 32 bytes; SKYSTATE_KEY_ENCRYPTION_KEY in a"
                    + " function app), or configure callbackKeys and sessionKeys explicitly");
        }
        return new AesKeyWrapping("configured", keyEncryptionKey);
    }

    public AzureSkystate build() {
        return new AzureSkystate(this);
    }
}
