package io.skystate.azure.internal.durable;

import io.skystate.api.Capabilities;
import io.skystate.api.Codec;
import io.skystate.api.KeyRing;
import io.skystate.api.Skystate;
import io.skystate.api.WorkflowPortability;
import io.skystate.api.callback.Callbacks;
import io.skystate.api.handler.Handlers;
import io.skystate.api.idempotency.Idempotency;
import io.skystate.api.queue.MessageQueue;
import io.skystate.api.session.Sessions;
import io.skystate.api.state.StateStore;
import io.skystate.api.workflow.Workflows;
import io.skystate.core.callback.StoreBackedCallbacks;
import io.skystate.core.handler.HandlerRegistry;
import io.skystate.core.json.JacksonCodec;
import io.skystate.local.LocalSkystate;
import java.time.Clock;
import java.util.Optional;

/**
 * The test composite: every service from a {@link LocalSkystate} (state stores, queues, handlers, callbacks) except
 * workflows, which run on the {@link DurableWorkflowEngine} against a Durable Task sidecar; the workflow callbacks
 * are a {@link StoreBackedCallbacks#forWorkflows} service on a local store, served over HTTP by a
 * {@link WorkflowCallbackServer}. What {@code AzureSkystate} will do with Cosmos DB, Storage Queues and the Functions
 * host. Closing closes the engine, the connection and the local instance (not the sidecar).
 */
final class DurableTestInstance implements Skystate {
    private final LocalSkystate local;
    private final WorkflowCallbackServer http;
    private final DurableConnection connection;
    private final DurableWorkflowEngine engine;
    private final Capabilities capabilities;
    private volatile Runnable afterClose = () -> { };

    DurableTestInstance(LocalSkystate local, String sidecarHost, int sidecarPort, KeyRing workflowKeys,
            WorkflowPortability portability, int workers) {
        this.local = local;
        this.http = new WorkflowCallbackServer();
        JacksonCodec codec = new JacksonCodec("azure");
        StoreBackedCallbacks callbacks = StoreBackedCallbacks.forWorkflows(this,
                local.stateStore("skystate-wf-callbacks"), codec, workflowKeys, Clock.systemUTC(), http::url);
        http.start(callbacks, codec);
        this.connection = DurableConnection.sidecar(sidecarHost, sidecarPort);
        Capabilities base = local.capabilities();
        this.capabilities = DurableWorkflowEngine.withEngineCapabilities(new Capabilities("azure", base.features(),
                base.maxTransactionOperations(), base.maxRecordBytes()));
        this.engine = DurableWorkflowEngine.create(this, (HandlerRegistry) local.handlers(), callbacks, codec,
                Clock.systemUTC(), () -> capabilities, portability, connection, workers);
    }

    /** Runs {@code action} after {@link #close()} (the test target closes a sidecar the instance owns). */
    void afterClose(Runnable action) {
        this.afterClose = action;
    }

    /** Closes the application side only, leaving {@link #afterClose} undone (a restart on the same task hub). */
    void closeApplication() {
        engine.close();
        connection.close();
        http.close();
        local.close();
    }

    LocalSkystate local() {
        return local;
    }

    @Override
    public String provider() {
        return "azure";
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public StateStore stateStore(String name) {
        return local.stateStore(name);
    }

    @Override
    public MessageQueue queue(String name) {
        return local.queue(name);
    }

    @Override
    public Callbacks callbacks() {
        return local.callbacks();
    }

    @Override
    public Handlers handlers() {
        return local.handlers();
    }

    @Override
    public Idempotency idempotency() {
        return local.idempotency();
    }

    @Override
    public Sessions sessions() {
        return local.sessions();
    }

    @Override
    public Workflows workflows() {
        return engine.workflows();
    }

    @Override
    public Codec codec() {
        return local.codec();
    }

    @Override
    public <T> Optional<T> unwrap(Class<T> type) {
        return type.isInstance(engine) ? Optional.of(type.cast(engine)) : local.unwrap(type);
    }

    @Override
    public void close() {
        closeApplication();
        afterClose.run();
    }
}
