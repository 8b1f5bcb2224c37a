package io.skystate.local.internal.workflow;

import io.skystate.api.InvalidRequestException;
import io.skystate.api.SkystateException;
import io.skystate.api.handler.HandlerFailedException;
import io.skystate.api.handler.HandlerNotFoundException;
import io.skystate.api.workflow.StepFailure;
import io.skystate.api.workflow.WorkflowErrors;
import io.skystate.core.handler.HandlerRegistry;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Invokes a step's handler on the handler pool, bounded by the step timeout, and names its failure the portable
 * way: the {@link StepFailure#errorType()} or the exception's class name, {@link WorkflowErrors#TIMEOUT},
 * {@link WorkflowErrors#HANDLER_NOT_FOUND} or {@link WorkflowErrors#DATA_ERROR}.
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
        if (thrown instanceof HandlerNotFoundException e) {
            return failure(WorkflowErrors.HANDLER_NOT_FOUND, e.getMessage());
        }
        if (thrown instanceof InvalidRequestException e) {
            return failure(WorkflowErrors.DATA_ERROR, e.getMessage());
        }
        if (thrown instanceof HandlerFailedException e && e.getCause() != null) {
            Throwable cause = e.getCause();
            String type = cause instanceof StepFailure failure ? failure.errorType() : cause.getClass().getName();
            return failure(type, String.valueOf(cause.getMessage()));
        }
        if (thrown instanceof SkystateException e) {
            return failure("Skystate." + e.code(), e.getMessage());
        }
        return failure(thrown.getClass().getName(), String.valueOf(thrown.getMessage()));
    }

    private static Result failure(String error, String cause) {
        return new Result(null, new StepError(error, cause));
    }
}
