package io.skystate.gcp.emulator;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A gRPC client interceptor on the real channels that fails every {@code n}-th call before it is sent, cycling
 * through {@code UNAVAILABLE}, {@code ABORTED} and {@code RESOURCE_EXHAUSTED}: the status codes Google's services
 * answer under load or contention for calls they did not apply. The clients' own retry policies (and Firestore's
 * transaction retries) see these failures exactly as they would see the server's; counts are kept per method and
 * per status.
 */
public final class FaultInjector implements ClientInterceptor {
    private static final List<Status.Code> FAULTS = List.of(Status.Code.UNAVAILABLE, Status.Code.ABORTED,
            Status.Code.RESOURCE_EXHAUSTED);

    private final int everyNth;
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger injected = new AtomicInteger();
    private final Map<String, AtomicInteger> byCode = new ConcurrentHashMap<>();
    private volatile boolean enabled = true;

    public FaultInjector(int everyNth) {
        this.everyNth = everyNth;
    }

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        if (!enabled || calls.incrementAndGet() % everyNth != 0) {
            return next.newCall(method, options);
        }
        Status.Code code = FAULTS.get(injected.getAndIncrement() % FAULTS.size());
        byCode.computeIfAbsent(code + " " + method.getBareMethodName(), k -> new AtomicInteger()).incrementAndGet();
        return new ClientCall<>() {
            @Override
            public void start(Listener<R> listener, Metadata headers) {
                listener.onClose(Status.fromCode(code).withDescription("injected by FaultInjector"), new Metadata());
            }

            @Override
            public void request(int numMessages) {
            }

            @Override
            public void cancel(String message, Throwable cause) {
            }

            @Override
            public void halfClose() {
            }

            @Override
            public void sendMessage(Q message) {
            }
        };
    }

    /** Stops injecting (to read back what was written). */
    public void disable() {
        enabled = false;
    }

    /** Calls that reached this interceptor so far (faulted or not). */
    public int calls() {
        return calls.get();
    }

    public int injected() {
        return injected.get();
    }

    /** Injected faults by {@code "<status> <method>"}. */
    public Map<String, AtomicInteger> byStatusAndMethod() {
        return Map.copyOf(byCode);
    }
}
