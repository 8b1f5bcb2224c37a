package io.skystate.gcp.workflows;

import io.skystate.api.Capabilities;
import io.skystate.api.Capability;
import io.skystate.api.Codec;
import io.skystate.api.Skystate;
import io.skystate.api.WorkflowPortability;
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
import io.skystate.core.crypto.Keys;
import io.skystate.core.handler.HandlerRegistry;
import io.skystate.core.json.JacksonCodec;
import io.skystate.gcp.internal.workflows.CloudWorkflowsEngine;
import io.skystate.gcp.internal.workflows.CloudWorkflowsSettings;
import io.skystate.gcpworkflows.RunnerOptions;
import io.skystate.gcpworkflows.WorkflowsRunner;
import io.skystate.local.LocalSkystate;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.UUID;

/**
 * The Cloud Workflows engine without emulators, for the scenario tests: Skystate's Workflows runner (one per JVM,
 * started in process, also used by {@link GcpStackTarget}) playing Cloud Workflows, a {@link FunctionServer} playing
 * the deployed HTTP function, and a {@link LocalSkystate} providing state stores, handlers and the other services.
 * {@link #open} gives a {@link Skystate} whose workflows are the engine; everything else is the local adapter's.
 */
final class GcpWorkflowsStack implements Skystate {
    private static WorkflowsRunner runner;

    private final LocalSkystate local;
    private final FunctionServer function;
    private final CloudWorkflowsEngine engine;
    private final Capabilities capabilities;

    private GcpWorkflowsStack(LocalSkystate local, FunctionServer function, String prefix) {
        this.local = local;
        this.function = function;
        EnumSet<Capability> features = EnumSet.of(Capability.CALLBACK_URLS);
        if (local.capabilities().has(Capability.DURABLE_STATE)) {
            features.add(Capability.DURABLE_STATE);
            features.add(Capability.DURABLE_WORKFLOWS);
        }
        this.capabilities = new Capabilities("gcp", features, Transaction.MAX_OPERATIONS, StateLimits.MAX_RECORD_BYTES);
        JacksonCodec codec = (JacksonCodec) local.codec();
        Clock clock = Clock.systemUTC();
        StoreBackedCallbacks callbacks = StoreBackedCallbacks.forWorkflows(this,
                local.stateStore("skystate-workflow-callbacks"), codec, Keys.randomRing("gcp"), clock,
                token -> CloudWorkflowsEngine.callbackUrl(function.baseUrl(), token));
        CloudWorkflowsSettings settings = CloudWorkflowsSettings.builder("local-project", "us-central1",
                function.baseUrl()).apiEndpoint(runner().endpoint()).workflowIdPrefix(prefix)
                .sweepInterval(Duration.ofMillis(200)).build();
        this.engine = CloudWorkflowsEngine.create(this, (HandlerRegistry) local.handlers(), callbacks, codec, clock,
                () -> capabilities, WorkflowPortability.PORTABLE, settings, Keys.randomRing("gcp"));
        function.attach(engine.taskEndpoint());
    }

    /** A fresh stack on an in-memory local adapter, with its own function server and workflow id prefix. */
    static GcpWorkflowsStack open() {
        return new GcpWorkflowsStack(LocalSkystate.inMemory(), new FunctionServer(), freshPrefix());
    }


    static synchronized WorkflowsRunner runner() {
        if (runner == null) {
            runner = WorkflowsRunner.start(RunnerOptions.builder().executionThreads(256).build());
            Runtime.getRuntime().addShutdownHook(new Thread(runner::close));
        }
        return runner;
    }

    private static String freshPrefix() {
        return "t" + UUID.randomUUID().toString().substring(0, 8) + "-";
    }

    CloudWorkflowsEngine engine() {
        return engine;
    }

    LocalSkystate local() {
        return local;
    }

    @Override
    public String provider() {
        return "gcp";
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
        function.detach();
        engine.close();
        local.close();
        function.close();
    }
}
