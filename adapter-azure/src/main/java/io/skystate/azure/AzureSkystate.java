package io.skystate.azure;

import io.skystate.api.Capabilities;
import io.skystate.api.Capability;
import io.skystate.api.Codec;
import io.skystate.api.KeyRing;
import io.skystate.api.Skystate;
import io.skystate.api.UnsupportedCapabilityException;
import io.skystate.api.callback.Callbacks;
import io.skystate.api.handler.Handlers;
import io.skystate.api.idempotency.Idempotency;
import io.skystate.api.queue.MessageQueue;
import io.skystate.api.session.Sessions;
import io.skystate.api.state.StateLimits;
import io.skystate.api.state.StateStore;
import io.skystate.api.state.Transaction;
import io.skystate.api.workflow.Workflows;
import io.skystate.azure.internal.AzureClients;
import io.skystate.azure.internal.Resources;
import io.skystate.azure.internal.Sweeper;
import io.skystate.azure.internal.WorkflowEngine;
import io.skystate.azure.internal.cosmos.CosmosStateStore;
import io.skystate.azure.internal.queue.StorageMessageQueue;
import io.skystate.azure.internal.tables.TableStateStore;
import io.skystate.core.callback.CallbackHttpEndpoint;
import io.skystate.core.callback.StoreBackedCallbacks;
import io.skystate.core.crypto.KeyWrapping;
import io.skystate.core.crypto.StoredKeyRings;
import io.skystate.core.handler.HandlerHttpEndpoint;
import io.skystate.core.handler.HandlerRegistry;
import io.skystate.core.handler.ReplayGuard;
import io.skystate.core.handler.RequestSigning;
import io.skystate.core.idempotency.StoreBackedIdempotency;
import io.skystate.core.json.JacksonCodec;
import io.skystate.core.session.SealedSessions;
import io.skystate.core.state.WriteGuard;
import io.skystate.core.util.Lazy;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The Azure provider: state in Azure Table Storage (or Azure Cosmos DB for Table) or in Cosmos DB for NoSQL, one
 * table or container per store; queues on Azure Storage queues; callbacks, idempotency and sessions on top of those;
 * handlers served by the Azure Functions entry points in {@code io.skystate.azure.functions}. Clients, stores, key
 * rings and the background sweeps (overdue callbacks every 500 ms once callbacks are used; expired table entities)
 * start on first use, so a function that only runs a handler pays for none of them.
 *
 * <p>Workflows run on Durable Task when the builder says where ({@link AzureSkystateBuilder#durableTask} for a
 * sidecar or scheduler endpoint with in-process workers, {@link AzureSkystateBuilder#durableFunctions} for the
 * Durable extension of the Functions host); otherwise {@link #workflows()} throws
 * {@link UnsupportedCapabilityException}. The engine is created on first use and plugged in through
 * {@link WorkflowEngine}; workflow callback URLs are {@code /skystate/workflow-callbacks/<token>}. Build with
 * {@link #builder()}; thread-safe.
 */
public final class AzureSkystate implements Skystate {
    public static final String PROVIDER = "azure";
    static final String CALLBACK_STORE = "skystate-callbacks";
    static final String WORKFLOW_CALLBACK_STORE = "skystate-workflow-callbacks";
    static final String KEY_STORE = "skystate-keys";
    static final String CLAIM_STORE = "skystate-queue-claims";
    static final String NONCE_STORE = "skystate-nonces";
    /** The stores Skystate itself keeps on the state backend (callbacks, key rings, request nonces). */
    public static final java.util.List<String> FRAMEWORK_STORES = java.util.List.of(CALLBACK_STORE,
            WORKFLOW_CALLBACK_STORE, KEY_STORE, NONCE_STORE);
    /** The table that holds claim-checked queue messages, always on the storage account. */
    public static final String QUEUE_CLAIM_STORE = CLAIM_STORE;

    private final AzureSkystateBuilder options;
    private final AzureClients clients;
    private final Resources resources;
    private final JacksonCodec codec = new JacksonCodec(PROVIDER);
    private final WriteGuard guard = new WriteGuard(PROVIDER, codec);
    private final ConcurrentMap<String, StateStore> stores = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, StorageMessageQueue> queues = new ConcurrentHashMap<>();
    private final Lazy<TableStateStore> claims;
    private final Lazy<KeyRing> callbackKeys;
    private final Lazy<StoreBackedCallbacks> callbacks;
    private final Lazy<StoreBackedCallbacks> workflowCallbacks;
    private final Lazy<RequestSigning> signing;
    private final Lazy<ReplayGuard> replays;
    private final HandlerRegistry handlers;
    private final StoreBackedIdempotency idempotency;
    private final Lazy<SealedSessions> sessions;
    private final Lazy<WorkflowEngine> engine;
    private final Sweeper sweeper;
    private final Capabilities capabilities;

    AzureSkystate(AzureSkystateBuilder b) {
        this.options = b;
        this.clients = new AzureClients(new AzureClients.Settings(b.storageConnectionString, b.cosmosEndpoint,
                b.cosmosKey, b.cosmosGateway, b.cosmosEndpointDiscovery));
        this.resources = new Resources(clients, b.prefix, b.cosmosDatabase, b.createResources);
        this.sweeper = new Sweeper(b.sweepInterval);
        this.claims = new Lazy<>(() -> tableStore(CLAIM_STORE));
        Lazy<KeyWrapping> wrapping = new Lazy<>(b::keyWrapping);
        this.callbackKeys = new Lazy<>(() -> b.callbackKeys != null ? b.callbackKeys
                : StoredKeyRings.loadOrCreate(stateStore(KEY_STORE), "callbacks", wrapping.get()));
        this.callbacks = new Lazy<>(() -> {
            StoreBackedCallbacks created = new StoreBackedCallbacks(this, stateStore(CALLBACK_STORE), codec,
                    callbackKeys.get(), b.clock, token -> url("callbacks/" + token));
            sweeper.callbacks(created::sweep);
            return created;
        });
        this.workflowCallbacks = new Lazy<>(() -> {
            StoreBackedCallbacks created = StoreBackedCallbacks.forWorkflows(this, stateStore(WORKFLOW_CALLBACK_STORE),
                    codec, callbackKeys.get(), b.clock, this::workflowCallbackUrl);
            sweeper.callbacks(created::sweep);
            return created;
        });
        this.signing = new Lazy<>(() -> new RequestSigning(callbackKeys.get(), b.clock, PROVIDER));
        this.replays = new Lazy<>(() -> new ReplayGuard(stateStore(NONCE_STORE), PROVIDER));
        this.handlers = new HandlerRegistry(PROVIDER, codec, b.clock, () -> this, name -> handlerEndpointsServed()
                ? Optional.of(url("handlers/" + name)) : Optional.empty(), signing::get);
        this.idempotency = new StoreBackedIdempotency(this, codec, b.clock);
        this.sessions = new Lazy<>(() -> new SealedSessions(b.sessionKeys != null ? b.sessionKeys
                : StoredKeyRings.loadOrCreate(stateStore(KEY_STORE), "sessions", wrapping.get()), codec, b.clock, PROVIDER));
        this.engine = new Lazy<>(() -> {
            if (b.workflowEngine == null) {
                throw new UnsupportedCapabilityException(PROVIDER, "workflows on Azure run on Durable Task: configure"
                        + " azure.durable.host and azure.durable.port (AzureSkystateBuilder.durableTask), or on a"
                        + " Functions host set SKYSTATE_DURABLE_TASK_HUB (AzureSkystateBuilder.durableFunctions)");
            }
            return b.workflowEngine.create(new WorkflowEngine.Context(this, handlers, workflowCallbacks.get(), codec,
                    b.clock, this::workflowCallbackUrl, b.workflowPortability, b.workflowWorkers, clients, resources,
                    callbackKeys.get()));
        });
        EnumSet<Capability> features = EnumSet.of(Capability.DURABLE_STATE);
        if (b.httpBaseUrl != null) {
            features.add(Capability.CALLBACK_URLS);
        }
        if (handlerEndpointsServed()) {
            features.add(Capability.HANDLER_ENDPOINTS);
        }
        if (b.workflowEngine != null) {
            features.addAll(b.workflowEngine.capabilities());
        }
        this.capabilities = new Capabilities(PROVIDER, features, Transaction.MAX_OPERATIONS, StateLimits.MAX_RECORD_BYTES);
    }

    public static AzureSkystateBuilder builder() {
        return new AzureSkystateBuilder();
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public StateStore stateStore(String name) {
        Skystate.validateName("store", name);
        return stores.computeIfAbsent(name, n -> options.state == AzureSkystateBuilder.StateBackend.COSMOS
                ? new CosmosStateStore(n, resources.container(n), guard, codec, options.clock)
                : tableStore(n));
    }

    @Override
    public MessageQueue queue(String name) {
        return storageQueue(name);
    }

    /** The queue itself, for entry points that open messages a queue trigger delivered. */
    public StorageMessageQueue storageQueue(String name) {
        Skystate.validateName("queue", name);
        return queues.computeIfAbsent(name, n -> new StorageMessageQueue(n, resources.queue(n), claims.get(), codec,
                options.clock));
    }

    @Override
    public Callbacks callbacks() {
        return callbacks.get();
    }

    @Override
    public Handlers handlers() {
        return handlers;
    }

    /** The in-process registry, for entry points that dispatch to handlers by name. */
    public HandlerRegistry handlerRegistry() {
        return handlers;
    }

    @Override
    public Idempotency idempotency() {
        return idempotency;
    }

    @Override
    public Sessions sessions() {
        return sessions.get();
    }

    /** The workflow engine's API; {@link UnsupportedCapabilityException} without one (see the class comment). */
    @Override
    public Workflows workflows() {
        return engine.get().workflows();
    }

    /** The HTTP protocol of {@code /skystate/callbacks/<token>}. */
    public CallbackHttpEndpoint callbackEndpoint() {
        return new CallbackHttpEndpoint(callbacks.get(), codec);
    }

    /**
     * The HTTP protocol of {@code /skystate/workflow-callbacks/<token>}: through the workflow engine when there is
     * one (it must learn of the resolution), else straight to the workflow callback records.
     */
    public CallbackHttpEndpoint workflowCallbackEndpoint() {
        return options.workflowEngine != null ? CallbackHttpEndpoint.forWorkflows(workflows(), codec)
                : new CallbackHttpEndpoint(workflowCallbacks.get(), codec);
    }

    /**
     * The signed handler endpoint protocol of {@code /skystate/handlers/<name>}; empty unless handler endpoints are
     * served ({@link #handlerEndpointsServed()}). Requests are built with {@code handlers().endpointRequest(...)}.
     */
    public Optional<HandlerHttpEndpoint> handlerEndpoint() {
        return handlerEndpointsServed()
                ? Optional.of(new HandlerHttpEndpoint(handlers, codec, signing::get, replays::get)) : Optional.empty();
    }

    /** Whether {@code /skystate/handlers/<name>} is served (an HTTP base URL and handler endpoints switched on). */
    public boolean handlerEndpointsServed() {
        return options.httpBaseUrl != null && options.handlerEndpoints;
    }

    /** Deletes expired entities from every table store this instance has opened; returns how many went. */
    public int sweepExpired() {
        int deleted = 0;
        for (StateStore store : stores.values()) {
            if (store instanceof TableStateStore table) {
                deleted += table.sweepExpired();
            }
        }
        return deleted + claims.get().sweepExpired();
    }

    /** The resource name prefix of this instance. */
    public String prefix() {
        return resources.prefix();
    }

    @Override
    public Codec codec() {
        return codec;
    }

    public JacksonCodec jacksonCodec() {
        return codec;
    }

    /**
     * The native client of {@code type} this instance has opened (Table, Queue or Cosmos DB service client), or
     * the workflow engine's implementation once {@link #workflows()} created it (the Azure Functions entry points
     * reach the Durable engine this way).
     */
    @Override
    public <T> Optional<T> unwrap(Class<T> type) {
        return clients.unwrap(type).or(() -> Optional.ofNullable(engine.getIfPresent()).flatMap(e -> e.unwrap(type)));
    }

    @Override
    public void close() {
        sweeper.close();
        Optional.ofNullable(engine.getIfPresent()).ifPresent(WorkflowEngine::close);
        clients.close();
    }

    private TableStateStore tableStore(String name) {
        TableStateStore store = new TableStateStore(name, resources.table(name), guard, codec, options.clock,
                sortedTableQueries());
        sweeper.tables(this::sweepExpired);
        return store;
    }

    /** Azure Cosmos DB for Table does not return query results in RowKey order; Table Storage and Azurite do. */
    private boolean sortedTableQueries() {
        String connection = String.valueOf(options.storageConnectionString);
        return !connection.contains(".table.cosmos.azure.com") && !connection.contains(".table.cosmosdb.azure.com");
    }

    private URI workflowCallbackUrl(String token) {
        return url("workflow-callbacks/" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    private URI url(String tail) {
        URI base = options.httpBaseUrl != null ? options.httpBaseUrl : URI.create("skystate-azure:/");
        String text = base.toString();
        return URI.create((text.endsWith("/") ? text : text + "/") + "skystate/" + tail);
    }
}
