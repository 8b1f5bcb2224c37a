package io.skystate.azure.internal.durable;

import com.microsoft.durabletask.DurableTaskClient;
import com.microsoft.durabletask.DurableTaskGrpcClientBuilder;
import com.microsoft.durabletask.DurableTaskGrpcWorkerBuilder;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.skystate.api.TransientException;
import io.skystate.azure.internal.AzureErrors;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Where the engine's orchestrations live. {@link #sidecar} speaks gRPC to a Durable Task sidecar (durabletask-go,
 * or the Durable Task Scheduler's endpoint) over one plaintext channel, and the engine runs its own workers on it;
 * {@link #functionsHost} is the Durable extension of the Azure Functions host this process works for: the host
 * dispatches the work items to the function entry points, so no worker runs in-process, and its client reaches Java
 * code only through a function's {@code durableClient} binding, so it is {@linkplain #attachHostClient attached} by
 * the first such invocation (its endpoint is the host's own, fixed while the process lives). {@link #close()} shuts
 * the channel, or the attached client, down. Thread-safe.
 */
public final class DurableConnection implements AutoCloseable {
    private final ManagedChannel channel;
    private volatile DurableTaskClient client;

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

    /** The Functions host's Durable extension, its client not attached yet. */
    public static DurableConnection functionsHost() {
        return new DurableConnection(null, null);
    }

    /** Whether the Functions host dispatches the work items (no in-process workers or background loops). */
    public boolean hostDispatched() {
        return channel == null;
    }

    /**
     * Attaches the Functions host's client unless one is attached: {@code hostClient} (which may open a channel, as
     * {@code DurableClientContext.getClient()} does) is called at most once per connection. No-op on a sidecar.
     */
    public void attachHostClient(Supplier<DurableTaskClient> hostClient) {
        if (client == null) {
            synchronized (this) {
                if (client == null) {
                    client = Objects.requireNonNull(hostClient.get(), "the host's Durable client");
                }
            }
        }
    }

    DurableTaskClient client() {
        DurableTaskClient current = client;
        if (current == null) {
            throw new TransientException(AzureErrors.PROVIDER, "the Functions host has not handed this process its"
                    + " Durable client yet: it comes with the first invocation of a function with a durableClient"
                    + " binding (DurableWorkflowFunctions' sweeper runs every 5 seconds). A function of your own that"
                    + " uses workflows should declare @DurableClientInput and take the instance from"
                    + " DurableFunctionsRuntime.skystate(durable)");
        }
        return current;
    }

    /** A worker builder on this connection's channel, empty for the Functions host. */
    Optional<DurableTaskGrpcWorkerBuilder> workerBuilder() {
        return Optional.ofNullable(channel).map(c -> new DurableTaskGrpcWorkerBuilder().grpcChannel(c));
    }

    @Override
    public void close() {
        if (channel == null) {
            Optional.ofNullable(client).ifPresent(DurableTaskClient::close);
            return;
        }
        channel.shutdownNow();
        try {
            channel.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
