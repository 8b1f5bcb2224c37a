package io.skystate.gcpworkflows.internal.exec;

import io.skystate.gcpworkflows.internal.value.ErrorTags;
import io.skystate.gcpworkflows.internal.value.WorkflowError;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The callback endpoints of one execution (https://cloud.google.com/workflows/docs/creating-callback-endpoints).
 * Each endpoint has a URL under the execution's resource name, accepts one HTTP method, and holds at most one
 * request that no {@code await_callback} has taken yet (a second one is answered 429). Thread-safe.
 */
public final class ExecutionCallbacks {
    /** The outcome of delivering an HTTP request to an endpoint, as an HTTP status. */
    public enum Delivery {
        ACCEPTED(200), NOT_FOUND(404), WRONG_METHOD(405), ALREADY_PENDING(429);

        private final int status;

        Delivery(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private record Endpoint(String method, BlockingQueue<Map<String, Object>> requests) {
    }

    private final String baseUrl;
    private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** {@code baseUrl} is the execution's URL, for example {@code http://127.0.0.1:8089/v1/projects/p/.../executions/e}. */
    public ExecutionCallbacks(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    String create(String method) {
        String id = UUID.randomUUID().toString();
        endpoints.put(id, new Endpoint(method, new ArrayBlockingQueue<>(1)));
        return baseUrl + "/callbacks/" + id;
    }

    /** Hands an HTTP request (already in the documented {@code http_request} shape) to the endpoint {@code id}. */
    public Delivery deliver(String id, String method, Map<String, Object> request) {
        Endpoint endpoint = endpoints.get(id);
        if (endpoint == null || closed) {
            return Delivery.NOT_FOUND;
        }
        if (!endpoint.method().equals(method)) {
            return Delivery.WRONG_METHOD;
        }
        return endpoint.requests().offer(request) ? Delivery.ACCEPTED : Delivery.ALREADY_PENDING;
    }

    /** Ends the endpoints: later deliveries get 404. */
    public void close() {
        closed = true;
    }

    Map<String, Object> await(String url, Duration timeout, CancellationScope cancellation) {
        String prefix = baseUrl + "/callbacks/";
        Endpoint endpoint = url.startsWith(prefix) ? endpoints.get(url.substring(prefix.length())) : null;
        if (endpoint == null) {
            throw WorkflowError.valueError("events.await_callback: '" + url + "' is not a callback endpoint of this "
                    + "execution");
        }
        cancellation.check();
        try {
            Map<String, Object> request = endpoint.requests().poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (request == null) {
                throw WorkflowError.of(ErrorTags.TIMEOUT_ERROR, "no callback request arrived within "
                        + timeout.toSeconds() + " s");
            }
            return request;
        } catch (InterruptedException e) {
            throw cancellation.interrupted();
        }
    }
}
