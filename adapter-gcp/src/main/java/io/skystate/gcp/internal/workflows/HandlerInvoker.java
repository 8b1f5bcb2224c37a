package io.skystate.gcp.internal.workflows;

import io.skystate.api.handler.StepInvocation;
import io.skystate.api.workflow.WorkflowErrors;
import io.skystate.core.handler.HandlerRegistry;
import io.skystate.core.workflow.StepErrors;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a handler for the task endpoint on a pool, bounded by the step timeout (then interrupted, and the attempt
 * fails with {@link WorkflowErrors#TIMEOUT}, as on the local engine), and names its failure the portable way
 * ({@link StepErrors}). Thread-safe.
 */
final class HandlerInvoker implements AutoCloseable {
    /** Exactly one of output and error is set. */
    record Result(byte[] output, StepErrors.Named error) {
        boolean ok() {
            return error == null;
        }
    }

    private final HandlerRegistry handlers;
    private final ExecutorService pool = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "skystate-gcp-workflow-handler");
        thread.setDaemon(true);
        return thread;
    });

    HandlerInvoker(HandlerRegistry handlers) {
        this.handlers = handlers;
    }

    /** Runs {@code handler} for one attempt of the workflow step {@code step}. */
    Result invoke(String handler, byte[] input, String invocationId, int attempt, StepInvocation step,
            Duration timeout) {
        Future<byte[]> call = pool.submit(() -> handlers.invokeJson(handler, input, invocationId, attempt,
                Optional.of(step)));
        try {
            return new Result(call.get(timeout.toMillis(), TimeUnit.MILLISECONDS), null);
        } catch (TimeoutException e) {
            call.cancel(true);
            return failure(WorkflowErrors.TIMEOUT, "handler '" + handler + "' ran longer than " + timeout);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            return failure(WorkflowErrors.TIMEOUT, "the endpoint stopped while handler '" + handler + "' ran");
        } catch (ExecutionException e) {
            return new Result(null, StepErrors.name(e.getCause()));
        }
    }

    private static Result failure(String error, String cause) {
        return new Result(null, new StepErrors.Named(error, cause));
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
