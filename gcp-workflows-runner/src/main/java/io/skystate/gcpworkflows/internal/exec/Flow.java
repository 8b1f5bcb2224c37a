package io.skystate.gcpworkflows.internal.exec;

import io.skystate.gcpworkflows.internal.stdlib.CallContext;
import io.skystate.gcpworkflows.internal.stdlib.Callbacks;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * One line of control of an execution: the whole execution, or one parallel branch or iteration, with its own
 * {@link CancellationScope} and parallel nesting depth. The standard library sees it as its {@link CallContext}.
 * Immutable; thread-safe.
 */
final class Flow implements CallContext {
    private final Execution execution;
    private final CancellationScope cancellation;
    private final int parallelDepth;

    Flow(Execution execution, CancellationScope cancellation, int parallelDepth) {
        this.execution = execution;
        this.cancellation = cancellation;
        this.parallelDepth = parallelDepth;
    }

    Execution execution() {
        return execution;
    }

    CancellationScope cancellation() {
        return cancellation;
    }

    int parallelDepth() {
        return parallelDepth;
    }

    @Override
    public Map<String, String> environment() {
        return execution.environment();
    }

    @Override
    public void log(String severity, Object payload) {
        execution.log(severity, payload);
    }

    @Override
    public void sleep(Duration duration) {
        cancellation.sleep(duration);
    }

    @Override
    public Instant now() {
        return execution.clock().instant();
    }

    @Override
    public HttpClient httpClient() {
        return execution.httpClient();
    }

    @Override
    public void checkCancelled() {
        cancellation.check();
    }

    @Override
    public Callbacks callbacks() {
        ExecutionCallbacks callbacks = execution.callbacks();
        return new Callbacks() {
            @Override
            public String create(String httpMethod) {
                return callbacks.create(httpMethod);
            }

            @Override
            public Map<String, Object> await(String url, Duration timeout) {
                return callbacks.await(url, timeout, cancellation);
            }
        };
    }
}
