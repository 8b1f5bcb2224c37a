package io.skystate.aws;

import io.skystate.api.Capabilities;
import io.skystate.api.Capability;
import io.skystate.api.Codec;
import io.skystate.api.Skystate;
import io.skystate.api.callback.Callbacks;
import io.skystate.api.handler.Handlers;
import io.skystate.api.idempotency.Idempotency;
import io.skystate.api.queue.MessageQueue;
import io.skystate.api.session.Sessions;
import io.skystate.api.state.StateLimits;
import io.skystate.api.state.StateStore;
import io.skystate.api.state.Transaction;
import io.skystate.api.workflow.Workflows;
import io.skystate.aws.internal.AwsClients;
import io.skystate.aws.internal.DynamoDbStateStore;
import io.skystate.aws.internal.Resources;
import io.skystate.aws.internal.SqsMessageQueue;
import io.skystate.core.callback.StoreBackedCallbacks;
import io.skystate.core.handler.HandlerHttpEndpoint;
import io.skystate.core.handler.HandlerRegistry;
import io.skystate.core.json.JacksonCodec;
import io.skystate.core.state.WriteGuard;
import io.skystate.core.util.Lazy;
import java.net.URI;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The AWS provider: state in DynamoDB (one table per store), queues in SQS, callbacks and idempotency on top of
 * those, workflows on Step Functions, handlers served by Lambda. Services, SDK clients and stored key rings are set up
 * on first use, so a Lambda that only runs a handler pays for none of them. Build with {@link #builder()};
 * thread-safe.
 */
public final class AwsSkystate implements Skystate {
    public static final String PROVIDER = "aws";
    static final String CALLBACK_STORE = "skystate-callbacks";

    private final AwsClients clients;
    private final Resources resources;
    private final JacksonCodec codec = new JacksonCodec(PROVIDER);
    private final WriteGuard guard = new WriteGuard(PROVIDER, codec);
    private final AwsSkystateBuilder options;
    private final ConcurrentMap<String, StateStore> stores = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, MessageQueue> queues = new ConcurrentHashMap<>();
    private final HandlerRegistry handlers;
    private final Capabilities capabilities;
    private final Lazy<AwsServices> services; // the rest of the graph, built on first use (AwsServices)

    AwsSkystate(AwsSkystateBuilder b) {
        this.options = b;
        this.clients = AwsClients.create(b.region, b.endpoint, b.credentials, b.httpClient);
        this.resources = new Resources(clients, b.prefix, b.createResources);
        this.handlers = new HandlerRegistry(PROVIDER, codec, b.clock, () -> this,
                name -> Optional.ofNullable(b.httpBaseUrl).filter(base -> b.handlerEndpoints)
                        .map(base -> url("handlers/" + name)), () -> services().signing());
        this.services = new Lazy<>(() -> new AwsServices(this, b, clients, resources, handlers, this::url));
        EnumSet<Capability> features = EnumSet.of(Capability.DURABLE_STATE, Capability.CROSS_GROUP_TRANSACTIONS,
                Capability.DURABLE_WORKFLOWS, Capability.WORKFLOW_REDRIVE);
        if (b.httpBaseUrl != null) {
            features.add(Capability.CALLBACK_URLS);
            if (b.handlerEndpoints) {
                features.add(Capability.HANDLER_ENDPOINTS);
            }
        }
        this.capabilities = new Capabilities(PROVIDER, features, Transaction.MAX_OPERATIONS, StateLimits.MAX_RECORD_BYTES);
    }

    public static AwsSkystateBuilder builder() {
        return new AwsSkystateBuilder();
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
        return stores.computeIfAbsent(name, n -> new DynamoDbStateStore(n, resources.table(n), clients.dynamo(), guard,
                codec, options.clock));
    }

    @Override
    public MessageQueue queue(String name) {
        Skystate.validateName("queue", name);
        return queues.computeIfAbsent(name, n -> new SqsMessageQueue(n, resources.queueUrl(n), clients.sqs(), codec));
    }

    @Override
    public Callbacks callbacks() {
        return services().callbacks();
    }

    @Override
    public Handlers handlers() {
        return handlers;
    }

    /** The in-process registry, for entry points that dispatch to handlers by name. */
    public HandlerRegistry handlerRegistry() {
        return handlers;
    }

    /**
     * The signed handler endpoint protocol, for the Function URL entry point; empty unless handler endpoints were
     * enabled ({@link AwsSkystateBuilder#handlerEndpoints}).
     */
    public Optional<HandlerHttpEndpoint> handlerEndpoint() {
        return capabilities.has(Capability.HANDLER_ENDPOINTS)
                ? Optional.of(new HandlerHttpEndpoint(handlers, codec, () -> services().signing(),
                        () -> services().replays())) : Optional.empty();
    }

    /** The callback implementation, for the Function URL entry point. */
    public StoreBackedCallbacks callbackService() {
        return services().callbacks();
    }

    @Override
    public Idempotency idempotency() {
        return services().idempotency();
    }

    @Override
    public Sessions sessions() {
        return services().sessions();
    }

    @Override
    public Workflows workflows() {
        return services().engine().workflows();
    }

    /** Runs one workflow task-queue message (see the SAM template's SQS event source). */
    public void handleWorkflowTaskMessage(byte[] body) {
        services().engine().handleTaskMessage(body);
    }

    /** The resource name prefix of this instance. */
    public String prefix() {
        return options.prefix;
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
        AwsServices opened = services.getIfPresent();
        if (opened != null) {
            opened.close();
        }
        clients.close();
    }

    /** The service graph, built on first use (a method, so the handler registry's lambda may name it early). */
    private AwsServices services() {
        return services.get();
    }

    private URI url(String tail) {
        URI base = options.httpBaseUrl != null ? options.httpBaseUrl : URI.create("skystate-aws:/");
        String text = base.toString();
        return URI.create((text.endsWith("/") ? text : text + "/") + "skystate/" + tail);
    }
}
