package io.skystate.azure.internal.durable;

import com.microsoft.durabletask.DurableTaskClient;
import com.microsoft.durabletask.DurableTaskGrpcClientBuilder;
import com.microsoft.durabletask.DurableTaskGrpcWorkerBuilder;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Where the engine's orchestrations live. {@link #sidecar} speaks gRPC to a Durable Task sidecar (durabletask-go,
 * or the Durable Task Scheduler's endpoint) over one plaintext channel, and the engine runs its own workers on it;
 * {@link #functionsHost} uses the client the Azure Functions host hands a function ({@code DurableClientContext}),
 * and the host dispatches the work items to the function entry points, so no worker runs in-process.
 * The channel is shut down by {@link #close()}. Thread-safe.
 */
public final class DurableConnection implements AutoCloseable {
    private final ManagedChannel channel;
    private final DurableTaskClient client;

    private DurableConnection(ManagedChannel channel, DurableTaskClient client) {
        this.channel = channel;
        this.client = client;
    }

    /**
     * A sidecar at {@code host:port}. (The SDK builders' {@code port()} always dial {@code localhost}; an explicit
     * channel reaches any address.)
     */
    public static DurableConnection sidecar(String host, int port) {
        ManagedChannel channel = ManagedChannelBuilder.forAddress(host, port).usePlaintext().build();
        return new DurableConnection(channel, new DurableTaskGrpcClientBuilder().grpcChannel(channel).build());
    }

    /** The Functions host's client: no in-process workers. */
    public static DurableConnection functionsHost(DurableTaskClient client) {
        return new DurableConnection(null, client);
    }

    DurableTaskClient client() {
        return client;
    }

    /** A worker builder on this connection's channel, empty for the Functions host. */
    Optional<DurableTaskGrpcWorkerBuilder> workerBuilder() {
        return Optional.ofNullable(channel).map(c -> new DurableTaskGrpcWorkerBuilder().grpcChannel(c));
    }

    @Override
    public void close() {
        if (channel != null) {
            channel.shutdownNow();
            try {
                channel.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
