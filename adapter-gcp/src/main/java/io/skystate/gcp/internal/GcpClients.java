package io.skystate.gcp.internal;

import io.skystate.core.util.Lazy;
import com.google.api.gax.core.CredentialsProvider;
import com.google.api.gax.core.FixedCredentialsProvider;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.grpc.InstantiatingGrpcChannelProvider;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.api.gax.rpc.TransportChannelProvider;
import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.FirestoreOptions;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.SubscriptionAdminSettings;
import com.google.cloud.pubsub.v1.TopicAdminClient;
import com.google.cloud.pubsub.v1.TopicAdminSettings;
import io.grpc.ClientInterceptor;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.skystate.api.TransientException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The Google clients of one instance, each built on first use: Firestore, and the Pub/Sub topic and subscription
 * admin clients (which also publish, pull, acknowledge and modify ack deadlines). Against emulators they use
 * plaintext gRPC channels of their own (the Firestore client with the emulator credentials it brings, Pub/Sub with
 * none); otherwise Google's default channels and application default credentials. Interceptors (tracing, the fault
 * injection tests) go on every channel, so the clients' own retry policies see whatever they produce. Thread-safe.
 */
public final class GcpClients implements AutoCloseable {
    /** Where and how to connect. {@code firestoreEmulator}/{@code pubSubEmulator} are {@code host:port} or null. */
    public record Settings(String project, String database, String firestoreEmulator, String pubSubEmulator,
            List<ClientInterceptor> interceptors, CredentialsProvider credentials) {
        public Settings {
            interceptors = List.copyOf(interceptors);
        }
    }

    private final Settings settings;
    private final List<ManagedChannel> channels = new ArrayList<>();
    private final Lazy<Firestore> firestore;
    private final Lazy<TopicAdminClient> topics;
    private final Lazy<SubscriptionAdminClient> subscriptions;

    public GcpClients(Settings settings) {
        this.settings = settings;
        this.firestore = new Lazy<>(this::buildFirestore);
        this.topics = new Lazy<>(this::buildTopics);
        this.subscriptions = new Lazy<>(this::buildSubscriptions);
    }

    public String project() {
        return settings.project();
    }

    public Firestore firestore() {
        return firestore.get();
    }

    public TopicAdminClient topics() {
        return topics.get();
    }

    public SubscriptionAdminClient subscriptions() {
        return subscriptions.get();
    }

    private Firestore buildFirestore() {
        FirestoreOptions.Builder options = FirestoreOptions.newBuilder().setProjectId(settings.project())
                .setDatabaseId(settings.database());
        if (settings.firestoreEmulator() != null) {
            // Not setEmulatorHost: it installs a channel of its own, without the interceptors.
            options.setCredentialsProvider(FixedCredentialsProvider.create(new FirestoreOptions.EmulatorCredentials()))
                    .setChannelProvider(InstantiatingGrpcChannelProvider.newBuilder()
                            .setEndpoint(settings.firestoreEmulator())
                            .setChannelConfigurator(channel -> ((ManagedChannelBuilder<?>) channel).usePlaintext()
                                    .intercept(settings.interceptors()))
                            .build());
        } else {
            if (!settings.interceptors().isEmpty()) {
                options.setChannelProvider(FirestoreOptions.getDefaultTransportChannelProviderBuilder()
                        .setInterceptorProvider(settings::interceptors).build());
            }
            Optional.ofNullable(settings.credentials()).ifPresent(options::setCredentialsProvider);
        }
        return options.build().getService();
    }

    private TopicAdminClient buildTopics() {
        TopicAdminSettings.Builder builder = TopicAdminSettings.newBuilder();
        if (settings.pubSubEmulator() != null) {
            builder.setTransportChannelProvider(fixed(plaintext(settings.pubSubEmulator())))
                    .setCredentialsProvider(NoCredentialsProvider.create());
        } else {
            builder.setTransportChannelProvider(withInterceptors(TopicAdminSettings.defaultGrpcTransportProviderBuilder()));
            Optional.ofNullable(settings.credentials()).ifPresent(builder::setCredentialsProvider);
        }
        try {
            return TopicAdminClient.create(builder.build());
        } catch (IOException e) {
            throw new TransientException(GcpErrors.PROVIDER, "cannot create the Pub/Sub topic client", e);
        }
    }

    private SubscriptionAdminClient buildSubscriptions() {
        SubscriptionAdminSettings.Builder builder = SubscriptionAdminSettings.newBuilder();
        if (settings.pubSubEmulator() != null) {
            builder.setTransportChannelProvider(fixed(plaintext(settings.pubSubEmulator())))
                    .setCredentialsProvider(NoCredentialsProvider.create());
        } else {
            builder.setTransportChannelProvider(
                    withInterceptors(SubscriptionAdminSettings.defaultGrpcTransportProviderBuilder()));
            Optional.ofNullable(settings.credentials()).ifPresent(builder::setCredentialsProvider);
        }
        try {
            return SubscriptionAdminClient.create(builder.build());
        } catch (IOException e) {
            throw new TransientException(GcpErrors.PROVIDER, "cannot create the Pub/Sub subscription client", e);
        }
    }

    private TransportChannelProvider withInterceptors(InstantiatingGrpcChannelProvider.Builder builder) {
        return settings.interceptors().isEmpty() ? builder.build()
                : builder.setInterceptorProvider(settings::interceptors).build();
    }

    private synchronized ManagedChannel plaintext(String hostPort) {
        ManagedChannel channel = ManagedChannelBuilder.forTarget(hostPort).usePlaintext()
                .intercept(settings.interceptors()).build();
        channels.add(channel);
        return channel;
    }

    private static TransportChannelProvider fixed(ManagedChannel channel) {
        return FixedTransportChannelProvider.create(GrpcTransportChannel.create(channel));
    }

    /** The native client of {@code type} (built if needed). */
    public <T> Optional<T> unwrap(Class<T> type) {
        if (type.isAssignableFrom(Firestore.class)) {
            return Optional.of(type.cast(firestore()));
        }
        if (type.isAssignableFrom(TopicAdminClient.class)) {
            return Optional.of(type.cast(topics()));
        }
        if (type.isAssignableFrom(SubscriptionAdminClient.class)) {
            return Optional.of(type.cast(subscriptions()));
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        Optional.ofNullable(topics.getIfPresent()).ifPresent(TopicAdminClient::close);
        Optional.ofNullable(subscriptions.getIfPresent()).ifPresent(SubscriptionAdminClient::close);
        Firestore opened = firestore.getIfPresent();
        if (opened != null) {
            try {
                opened.close();
            } catch (Exception e) {
                System.getLogger(GcpClients.class.getName()).log(System.Logger.Level.WARNING, "closing Firestore", e);
            }
        }
        List<ManagedChannel> open;
        synchronized (this) {
            open = List.copyOf(channels);
        }
        for (ManagedChannel channel : open) {
            channel.shutdown();
            try {
                channel.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            channel.shutdownNow();
        }
    }
}
