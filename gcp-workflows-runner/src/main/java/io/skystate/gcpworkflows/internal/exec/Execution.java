package io.skystate.gcpworkflows.internal.exec;

import io.skystate.gcpworkflows.internal.value.ErrorTags;
import io.skystate.gcpworkflows.internal.value.WorkflowError;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * The state one execution shares across its routines and parallel branches: identity and environment
 * ({@code sys.get_env}), step and memory counters with their limits (https://cloud.google.com/workflows/quotas),
 * the root {@link CancellationScope}, callback endpoints, the log sink, the HTTP client and the pool that runs
 * parallel branches. Thread-safe.
 */
public final class Execution {
    private final Map<String, String> environment;
    private final CancellationScope cancellation = new CancellationScope();
    private final AtomicLong steps = new AtomicLong();
    private final AtomicLong memory = new AtomicLong();
    private final ExecutionCallbacks callbacks;
    private final BiConsumer<String, Object> logSink;
    private final HttpClient httpClient;
    private final ExecutorService branchPool;
    private final Clock clock;
    private volatile String currentRoutine = "main";
    private volatile String currentStep = "";

    public Execution(Map<String, String> environment, ExecutionCallbacks callbacks, BiConsumer<String, Object> logSink,
                     HttpClient httpClient, ExecutorService branchPool, Clock clock) {
        this.environment = Map.copyOf(environment);
        this.callbacks = callbacks;
        this.logSink = logSink;
        this.httpClient = httpClient;
        this.branchPool = branchPool;
        this.clock = clock;
    }

    public CancellationScope cancellation() {
        return cancellation;
    }

    /** Cancels the execution: running steps stop at the next step, sleeps and callback waits end at once. */
    public void cancel() {
        cancellation.cancel();
        callbacks.close();
    }

    public String currentRoutine() {
        return currentRoutine;
    }

    public String currentStep() {
        return currentStep;
    }

    Map<String, String> environment() {
        return environment;
    }

    ExecutionCallbacks callbacks() {
        return callbacks;
    }

    void log(String severity, Object payload) {
        logSink.accept(severity, payload);
    }

    HttpClient httpClient() {
        return httpClient;
    }

    ExecutorService branchPool() {
        return branchPool;
    }

    Clock clock() {
        return clock;
    }

    /** Counts a step about to run; the 100,001st raises ResourceLimitError. */
    void enterStep(String routine, String step) {
        currentRoutine = routine;
        currentStep = step;
        if (steps.incrementAndGet() > Limits.MAX_STEPS) {
            throw WorkflowError.of(ErrorTags.RESOURCE_LIMIT_ERROR, "the execution exceeded " + Limits.MAX_STEPS
                    + " steps");
        }
    }

    /** Takes memory for a variable value; exceeding 512 KB raises ResourceLimitError and takes nothing. */
    void reserveMemory(long bytes) {
        long total = memory.addAndGet(bytes);
        if (bytes > 0 && total > Limits.MAX_MEMORY_BYTES) {
            memory.addAndGet(-bytes);
            throw WorkflowError.of(ErrorTags.RESOURCE_LIMIT_ERROR, "the execution's variables would use " + total
                    + " bytes, over the " + Limits.MAX_MEMORY_BYTES + "-byte memory limit");
        }
    }

    void releaseMemory(long bytes) {
        memory.addAndGet(-bytes);
    }
}
