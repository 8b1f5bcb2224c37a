package io.skystate.gcp.internal;

import com.google.api.core.ApiFuture;
import com.google.api.gax.rpc.ApiException;
import com.google.cloud.firestore.FirestoreException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.skystate.api.AlreadyExistsException;
import io.skystate.api.InvalidRequestException;
import io.skystate.api.NotFoundException;
import io.skystate.api.SkystateException;
import io.skystate.api.ThrottledException;
import io.skystate.api.TransientException;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

/**
 * Translates Google client exceptions (gax {@link ApiException}, {@link FirestoreException}, gRPC status exceptions)
 * into Skystate's types at the adapter boundary, keeping the client's exception as the cause. After the client's own
 * retry policy has given up: {@code RESOURCE_EXHAUSTED} is {@link ThrottledException}; {@code UNAVAILABLE},
 * {@code ABORTED}, {@code DEADLINE_EXCEEDED}, {@code INTERNAL}, {@code UNKNOWN} and {@code CANCELLED} are
 * {@link TransientException} (retryable); {@code NOT_FOUND} and {@code ALREADY_EXISTS} keep their meaning; the rest
 * are caller errors ({@link InvalidRequestException}, not retryable). Stateless.
 */
public final class GcpErrors {
    public static final String PROVIDER = "gcp";

    private GcpErrors() {
    }

    /** Waits for {@code future}; a Skystate exception thrown inside passes unchanged, anything else is translated. */
    public static <T> T await(String what, ApiFuture<T> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw translate(what, e.getCause() == null ? e : e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientException(PROVIDER, what + " was interrupted", e);
        }
    }

    /**
     * Waits for {@code future} inside a Firestore transaction function: a client error is rethrown as it is (not
     * wrapped), so the transaction runner sees its status and retries the whole transaction on ABORTED and other
     * retryable codes.
     */
    public static <T> T join(ApiFuture<T> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new TransientException(PROVIDER, "a read inside a transaction failed: " + e.getCause(), e.getCause());
        }
    }

    /** The gRPC status code of a client exception, if it carries one. */
    public static Optional<Status.Code> code(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ApiException api) {
                return Optional.of(Status.Code.valueOf(api.getStatusCode().getCode().name()));
            }
            if (t instanceof FirestoreException firestore && firestore.getStatus() != null) {
                return Optional.of(firestore.getStatus().getCode());
            }
            if (t instanceof StatusRuntimeException grpc) {
                return Optional.of(grpc.getStatus().getCode());
            }
        }
        return Optional.empty();
    }

    public static SkystateException translate(String what, Throwable e) {
        if (e instanceof SkystateException skystate) {
            return skystate;
        }
        String message = what + ": " + e.getMessage();
        Status.Code code = code(e).orElse(Status.Code.UNKNOWN);
        return switch (code) {
            case NOT_FOUND -> new NotFoundException(PROVIDER, message, e);
            case ALREADY_EXISTS -> new AlreadyExistsException(PROVIDER, message, e);
            case RESOURCE_EXHAUSTED -> new ThrottledException(PROVIDER, what + " was throttled: " + e.getMessage(), e);
            case UNAVAILABLE, ABORTED, DEADLINE_EXCEEDED, INTERNAL, UNKNOWN, CANCELLED ->
                    new TransientException(PROVIDER, what + " failed transiently: " + e.getMessage(), e);
            default -> new InvalidRequestException(PROVIDER, what + " was rejected (" + code + "): " + e.getMessage(), e);
        };
    }
}
