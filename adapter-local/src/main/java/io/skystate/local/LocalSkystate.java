package io.skystate.local;

import io.skystate.api.Capabilities;
import io.skystate.api.Capability;
import io.skystate.api.Codec;
import io.skystate.api.KeyRing;
import io.skystate.api.Skystate;
import io.skystate.api.callback.Callbacks;
import io.skystate.api.handler.Handlers;
import io.skystate.api.idempotency.Idempotency;
import io.skystate.api.queue.MessageQueue;
import io.skystate.api.session.Sessions;
import io.skystate.api.state.StateStore;
import io.skystate.api.workflow.Workflows;
import io.skystate.core.callback.CallbackHttpEndpoint;
import io.skystate.core.callback.StoreBackedCallbacks;
import io.skystate.core.handler.HandlerHttpEndpoint;
import io.skystate.core.handler.HandlerRegistry;
import io.skystate.core.handler.ReplayGuard;
import io.skystate.core.handler.RequestSigning;
import io.skystate.core.idempotency.StoreBackedIdempotency;
import io.skystate.core.json.JacksonCodec;
import io.skystate.core.session.SealedSessions;
import io.skystate.core.state.WriteGuard;
import io.skystate.local.internal.Database;
import io.skystate.local.internal.Housekeeper;
import io.skystate.local.internal.LocalHttpServer;
import io.skystate.local.internal.SqliteMessageQueue;
import io.skystate.local.internal.SqliteStateStore;
import io.skystate.local.internal.workflow.LocalWorkflowEngine;
import java.net.URI;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The embedded provider: every Skystate service on one SQLite database, in memory or in a file, with callback and
 * handler endpoints on a loopback HTTP port. Needs no cloud account and no emulator. In file mode acknowledged
 * writes survive a killed process ({@link Capability#DURABLE_STATE}). Build with {@link #builder()}; thread-safe.
 */
public final class LocalSkystate implements Skystate {
    /** The provider id. */
    public static final String PROVIDER = "local";
    static final String CALLBACK_STORE = "skystate-callbacks";
    static final String WORKFLOW_CALLBACK_STORE = "skystate-workflow-callbacks";
    static final String NONCE_STORE = "skystate-nonces";

    private final Database database;
    private final JacksonCodec codec = new JacksonCodec(PROVIDER);
    private final Clock clock;
    private final WriteGuard guard;
    private final ConcurrentMap<String, SqliteStateStore> stores = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, SqliteMessageQueue> queues = new ConcurrentHashMap<>();
    private final Object queueArrivals = new Object();
    private final LocalHttpServer http;
    private final StoreBackedCallbacks callbacks;
    private final HandlerRegistry handlers;
    private final StoreBackedIdempotency idempotency;
    private final SealedSessions sessions;
    private final Housekeeper housekeeper;
    private final LocalWorkflowEngine engine;
    private final Capabilities capabilities;

    LocalSkystate(LocalSkystateBuilder b) {
        this.database = b.path == null ? Database.inMemory() : Database.file(b.path, b.fullSync);
        this.clock = b.clock;
        this.guard = new WriteGuard(PROVIDER, codec);
        this.http = b.httpPort < 0 ? null : new LocalHttpServer(b.httpPort, codec);
        KeyRing callbackKeys = b.callbackKeys != null ? b.callbackKeys : b.storedRing(database, "callbacks");
        KeyRing sessionKeys = b.sessionKeys != null ? b.sessionKeys : b.storedRing(database, "sessions");
        java.util.function.Function<String, URI> callbackUrls =
                token -> http == null ? URI.create("skystate-local:callback/" + token) : http.callbackUrl(token);
        this.callbacks = new StoreBackedCallbacks(this, stateStore(CALLBACK_STORE), codec, callbackKeys, clock,
                callbackUrls);
        java.util.function.Function<String, URI> workflowCallbackUrls = token -> http == null
                ? URI.create("skystate-local:workflow-callback/" + token) : http.workflowCallbackUrl(token);
        StoreBackedCallbacks workflowCallbacks = StoreBackedCallbacks.forWorkflows(this,
                stateStore(WORKFLOW_CALLBACK_STORE), codec, callbackKeys, clock, workflowCallbackUrls);
        RequestSigning signing = new RequestSigning(callbackKeys, clock, PROVIDER);
        this.handlers = new HandlerRegistry(PROVIDER, codec, clock, () -> this,
                name -> http == null ? Optional.empty() : Optional.of(http.handlerUrl(name)), () -> signing);
        this.idempotency = new StoreBackedIdempotency(this, codec, clock);
        this.sessions = new SealedSessions(sessionKeys, codec, clock, PROVIDER);
        if (http != null) {
            ReplayGuard replays = new ReplayGuard(stateStore(NONCE_STORE), PROVIDER);
            http.start(new CallbackHttpEndpoint(callbacks, codec), new CallbackHttpEndpoint(workflowCallbacks, codec),
                    new HandlerHttpEndpoint(handlers, codec, () -> signing, () -> replays));
        }
        this.housekeeper = new Housekeeper(database, clock, callbacks::sweep, workflowCallbacks::sweep);
        this.engine = new LocalWorkflowEngine(this, database, handlers, workflowCallbacks, codec, clock, workflowCallbackUrls,
                b.workflowPortability, b.workflowWorkers, callbackKeys);
        EnumSet<Capability> features = EnumSet.of(Capability.CROSS_GROUP_TRANSACTIONS, Capability.WORKFLOW_REDRIVE,
                Capability.WORKFLOW_COMPENSATION_IN_BRANCHES, Capability.WORKFLOW_WIDE_PARALLEL,
                Capability.WORKFLOW_EVENTS_IN_BRANCHES);
        if (database.durable()) {
            features.add(Capability.DURABLE_STATE);
            features.add(Capability.DURABLE_WORKFLOWS);
        }
        if (http != null) {
            features.add(Capability.CALLBACK_URLS);
            features.add(Capability.HANDLER_ENDPOINTS);
        }
        this.capabilities = new Capabilities(PROVIDER, features, io.skystate.api.state.Transaction.MAX_OPERATIONS,
                io.skystate.api.state.StateLimits.MAX_RECORD_BYTES);
    }

    public static LocalSkystateBuilder builder() {
        return new LocalSkystateBuilder();
    }

    /** An in-memory instance with an ephemeral HTTP port: for tests and demos. */
    public static LocalSkystate inMemory() {
        return builder().build();
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
        return stores.computeIfAbsent(name, n -> new SqliteStateStore(n, database, guard, codec, clock));
    }

    @Override
    public MessageQueue queue(String name) {
        Skystate.validateName("queue", name);
        return queues.computeIfAbsent(name, n -> new SqliteMessageQueue(n, database, codec, clock, queueArrivals));
    }

    @Override
    public Callbacks callbacks() {
        return callbacks;
    }

    @Override
    public Handlers handlers() {
        return handlers;
    }

    @Override
    public Idempotency idempotency() {
        return idempotency;
    }

    @Override
    public Sessions sessions() {
        return sessions;
    }

    @Override
    public Workflows workflows() {
        return engine.workflows();
    }

    @Override
    public Codec codec() {
        return codec;
    }

    @Override
    public <T> Optional<T> unwrap(Class<T> type) {
        if (type.isInstance(database)) {
            return Optional.of(type.cast(database));
        }
        return Optional.empty();
    }

    @Override
    public synchronized void close() {
        engine.close();
        housekeeper.close();
        if (http != null) {
            http.close();
        }
        database.close();
    }
}
