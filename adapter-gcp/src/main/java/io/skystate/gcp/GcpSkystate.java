package io.skystate.gcp;

import io.skystate.api.Capabilities;
import io.skystate.api.Capability;
import io.skystate.api.Codec;
import io.skystate.api.KeyRing;
import io.skystate.api.Skystate;
import io.skystate.api.UnsupportedCapabilityException;
import io.skystate.api.WorkflowWorkers;
import io.skystate.api.callback.Callbacks;
import io.skystate.api.handler.Handlers;
import io.skystate.api.idempotency.Idempotency;
import io.skystate.api.queue.MessageQueue;
import io.skystate.api.session.Sessions;
import io.skystate.api.state.StateLimits;
import io.skystate.api.state.StateStore;
import io.skystate.api.state.Transaction;
import io.skystate.api.workflow.Workflows;
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
import io.skystate.gcp.internal.GcpClients;
import io.skystate.core.util.Lazy;
import io.skystate.gcp.internal.Sweeper;
import io.skystate.gcp.internal.firestore.FirestoreStateStore;
import io.skystate.gcp.internal.firestore.StoreLayout;
import io.skystate.gcp.internal.pubsub.PubSubMessages;
import io.skystate.gcp.internal.pubsub.PubSubQueue;
import io.skystate.gcp.internal.pubsub.PubSubResources;
import io.skystate.gcp.internal.workflows.CloudWorkflowsEngine;
import io.skystate.gcp.internal.workflows.CloudWorkflowsSettings;
import io.skystate.gcp.internal.workflows.TaskEndpoint;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The Google Cloud provider: state in Firestore (one collection per store), queues on Pub/Sub, callbacks,
 * idempotency and sessions on top of those, handlers served by Cloud Functions ({@code io.skystate.gcp.functions}).
 * workflows on Cloud Workflows when a region and the function's URL are configured (else {@link #workflows()} throws
 * {@link UnsupportedCapabilityException}; see README-workflows.md). Clients,
 * key rings and callbacks are set up on first use, so a function instance that only runs a handler pays for none of
 * them. Build with {@link #builder()}; thread-safe.
 */
public final class GcpSkystate implements Skystate {
    public static final String PROVIDER = "gcp";
    static final String CALLBACK_STORE = "skystate-callbacks";
    static final String WORKFLOW_CALLBACK_STORE = "skystate-workflow-callbacks";
    static final String KEY_STORE = "skystate-keys";
    static final String NONCE_STORE = "skystate-nonces";

    private final GcpSkystateBuilder options;
    private final GcpClients clients;
    private final StoreLayout layout;
    private final PubSubResources pubSub;
    private final JacksonCodec codec = new JacksonCodec(PROVIDER);
    private final WriteGuard guard = new WriteGuard(PROVIDER, codec);
    private final ConcurrentMap<String, StateStore> stores = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, MessageQueue> queues = new ConcurrentHashMap<>();
    private final Lazy<KeyRing> callbackKeys;
    private final Lazy<StoreBackedCallbacks> callbacks;
    private final Lazy<StoreBackedCallbacks> workflowCallbacks;
    private final HandlerRegistry handlers;
    private final Lazy<RequestSigning> signing;
    private final Lazy<ReplayGuard> replays;
    private final StoreBackedIdempotency idempotency;
    private final Lazy<SealedSessions> sessions;
    private final Lazy<CloudWorkflowsEngine> workflowEngine;
    private final Sweeper sweeper;
    private final Capabilities capabilities;

    GcpSkystate(GcpSkystateBuilder b) {
        this.options = b;
        this.clients = new GcpClients(new GcpClients.Settings(b.project, b.database, b.firestoreEmulator,
                b.pubSubEmulator, b.interceptors, b.credentials));
        this.layout = new StoreLayout(b.prefix);
        this.pubSub = new PubSubResources(b.project, b.prefix, b.createResources, clients::topics, clients::subscriptions);
        Lazy<KeyWrapping> wrapping = new Lazy<>(b::keyWrapping);
        this.callbackKeys = new Lazy<>(() -> b.callbackKeys != null ? b.callbackKeys
                : StoredKeyRings.loadOrCreate(stateStore(KEY_STORE), "callbacks", wrapping.get()));
        this.sweeper = new Sweeper("skystate-gcp-callback-sweeper");
        this.callbacks = new Lazy<>(() -> sweeper.sweeping(new StoreBackedCallbacks(this, stateStore(CALLBACK_STORE),
                codec, callbackKeys.get(), b.clock, token -> url("callbacks/" + encode(token)))));
        // workflow callbacks time out through the sweeper of instances that run steps (workers off: no loops)
        this.workflowCallbacks = new Lazy<>(() -> {
            StoreBackedCallbacks service = StoreBackedCallbacks.forWorkflows(this, stateStore(WORKFLOW_CALLBACK_STORE),
                    codec, callbackKeys.get(), b.clock, token -> url("workflow-callbacks/" + encode(token)));
            return b.workflowWorkers == WorkflowWorkers.ON ? sweeper.sweeping(service) : service;
        });
        this.signing = new Lazy<>(() -> new RequestSigning(callbackKeys.get(), b.clock, PROVIDER));
        this.replays = new Lazy<>(() -> new ReplayGuard(stateStore(NONCE_STORE), PROVIDER));
        this.handlers = new HandlerRegistry(PROVIDER, codec, b.clock, () -> this, name -> handlerEndpointsOn()
                ? Optional.of(url("handlers/" + name)) : Optional.empty(), signing::get);
        this.idempotency = new StoreBackedIdempotency(this, codec, b.clock);
        this.sessions = new Lazy<>(() -> new SealedSessions(b.sessionKeys != null ? b.sessionKeys
                : StoredKeyRings.loadOrCreate(stateStore(KEY_STORE), "sessions", wrapping.get()), codec, b.clock,
                PROVIDER));
        this.workflowEngine = new Lazy<>(() -> {
            if (!workflowsOn()) {
                throw new UnsupportedCapabilityException(PROVIDER, "workflows on Google Cloud need the Cloud Workflows"
                        + " region (gcp.workflows.location) and the URL of the deployed function (gcp.http.base-url)");
            }
            CloudWorkflowsSettings.Builder settings = CloudWorkflowsSettings.builder(b.project, b.workflowsLocation,
                    b.httpBaseUrl).workflowIdPrefix(b.prefix).sweepInterval(b.workflowSweepInterval)
                    .workers(b.workflowWorkers);
            if (b.workflowsEndpoint != null) {
                settings.apiEndpoint(b.workflowsEndpoint);
            }
            if (b.workflowServiceAccount != null) {
                settings.serviceAccount(b.workflowServiceAccount);
            }
            return CloudWorkflowsEngine.create(this, handlers, workflowCallbacks.get(), codec, b.clock,
                    this::capabilities, b.workflowPortability, settings.build(), callbackKeys.get());
        });
        EnumSet<Capability> features = EnumSet.of(Capability.DURABLE_STATE, Capability.CROSS_GROUP_TRANSACTIONS);
        if (b.httpBaseUrl != null) {
            features.add(Capability.CALLBACK_URLS);
        }
        if (handlerEndpointsOn()) {
            features.add(Capability.HANDLER_ENDPOINTS);
        }
        if (workflowsOn()) {
            features.add(Capability.DURABLE_WORKFLOWS);
        }
        this.capabilities = new Capabilities(PROVIDER, features, Transaction.MAX_OPERATIONS, StateLimits.MAX_RECORD_BYTES);
    }

    public static GcpSkystateBuilder builder() {
        return new GcpSkystateBuilder();
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
        return stores.computeIfAbsent(name, n -> new FirestoreStateStore(n, layout, clients.firestore(), guard, codec,
                options.clock));
    }

    @Override
    public MessageQueue queue(String name) {
        Skystate.validateName("queue", name);
        return queues.computeIfAbsent(name, n -> {
            pubSub.ensure(n);
            return new PubSubQueue(n, pubSub, clients.topics(), clients.subscriptions(), new PubSubMessages(codec));
        });
    }

    @Override
    public Callbacks callbacks() {
        return callbacks.get();
    }

    /** The callback implementation, for the HTTP function's {@code /skystate/callbacks/<token>}. */
    public StoreBackedCallbacks callbackService() {
        return callbacks.get();
    }

    /**
     * The callbacks of workflow callback steps (their own store and token prefix), served at
     * {@code /skystate/workflow-callbacks/<token>}; the Cloud Workflows engine relays them to its callback endpoints.
     */
    public StoreBackedCallbacks workflowCallbackService() {
        return workflowCallbacks.get();
    }

    @Override
    public Handlers handlers() {
        return handlers;
    }

    /** The in-process registry, for entry points that dispatch to handlers by name. */
    public HandlerRegistry handlerRegistry() {
        return handlers;
    }

    /** Whether handler endpoints are served over HTTP (an HTTP base URL and {@code handlerEndpoints(true)}). */
    public boolean handlerEndpointsOn() {
        return options.httpBaseUrl != null && options.handlerEndpoints;
    }

    /**
     * The signed handler endpoint protocol (core's {@link HandlerHttpEndpoint}: signed, single-use requests), for
     * the HTTP function; empty unless handler endpoints are on.
     */
    public Optional<HandlerHttpEndpoint> handlerEndpoint() {
        return handlerEndpointsOn()
                ? Optional.of(new HandlerHttpEndpoint(handlers, codec, signing::get, replays::get)) : Optional.empty();
    }

    @Override
    public Idempotency idempotency() {
        return idempotency;
    }

    @Override
    public Sessions sessions() {
        return sessions.get();
    }

    @Override
    public Workflows workflows() {
        return workflowEngine.get().workflows();
    }

    /** Whether workflows run on Cloud Workflows (a region and the function's URL are configured). */
    public boolean workflowsOn() {
        return options.workflowsLocation != null && options.httpBaseUrl != null;
    }

    /**
     * The workflow engine's task endpoint, for the HTTP function's {@code /skystate/workflow-tasks/<op>} and
     * {@code /skystate/workflow-callbacks/<token>}; empty unless workflows are on.
     */
    public Optional<TaskEndpoint> workflowEndpoint() {
        return workflowsOn() ? Optional.of(workflowEngine.get().taskEndpoint()) : Optional.empty();
    }

    /** The resource name prefix of this instance. */
    public String prefix() {
        return options.prefix;
    }

    /** The Google Cloud project of this instance. */
    public String project() {
        return options.project;
    }

    @Override
    public Codec codec() {
        return codec;
    }

    public JacksonCodec jacksonCodec() {
        return codec;
    }

    @Override
    public <T> Optional<T> unwrap(Class<T> type) {
        return clients.unwrap(type);
    }

    @Override
    public void close() {
        CloudWorkflowsEngine engine = workflowEngine.getIfPresent();
        if (engine != null) {
            engine.close();
        }
        sweeper.close();
        clients.close();
    }

    private URI url(String tail) {
        URI base = options.httpBaseUrl != null ? options.httpBaseUrl : URI.create("skystate-gcp:/");
        String text = base.toString();
        return URI.create((text.endsWith("/") ? text : text + "/") + "skystate/" + tail);
    }

    private static String encode(String token) {
        return URLEncoder.encode(token, StandardCharsets.UTF_8);
    }
}
