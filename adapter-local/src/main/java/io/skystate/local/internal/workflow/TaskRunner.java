package io.skystate.local.internal.workflow;

import io.skystate.api.workflow.WorkflowErrors;
import io.skystate.core.handler.HandlerRegistry;
import io.skystate.core.workflow.StepErrors;
import io.skystate.core.workflow.interpret.StepError;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Invokes a step's handler on the handler pool, bounded by the step timeout, and names its failure the portable
 * way ({@link StepErrors}), or {@link WorkflowErrors#TIMEOUT} when the step timeout cut it off.
 */
final class TaskRunner {
    /** The outcome of one invocation: exactly one of {@code output} and {@code error} is set. */
    record Result(byte[] output, StepError error) {
    }

    private final HandlerRegistry handlers;
    private final ExecutorService pool;

    TaskRunner(HandlerRegistry handlers, ExecutorService pool) {
        this.handlers = handlers;
        this.pool = pool;
    }

    Result invoke(String handler, byte[] input, String invocationId, int attempt, Duration timeout) {
        Future<byte[]> call = pool.submit(() -> handlers.invokeJson(handler, input, invocationId, attempt));
        try {
            return new Result(call.get(timeout.toMillis(), TimeUnit.MILLISECONDS), null);
        } catch (TimeoutException e) {
            call.cancel(true);
            return failure(WorkflowErrors.TIMEOUT, "handler '" + handler + "' ran longer than " + timeout);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            return failure(WorkflowErrors.TIMEOUT, "engine stopped while handler '" + handler + "' ran");
        } catch (ExecutionException e) {
            return name(e.getCause());
        }
    }

    static Result name(Throwable thrown) {
        StepErrors.Named named = StepErrors.name(thrown);
        return failure(named.error(), named.cause());
    }

    private static Result failure(String error, String cause) {
        return new Result(null, new StepError(error, cause));
    }
}
