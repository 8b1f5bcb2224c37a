package io.skystate.local.internal.workflow;

import io.skystate.api.handler.StepInvocation;
import io.skystate.api.workflow.WorkflowErrors;
import io.skystate.core.handler.HandlerRegistry;
import io.skystate.core.workflow.StepErrors;
import io.skystate.core.workflow.interpret.StepError;
import io.skystate.core.workflow.ops.InvocationIds;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Invokes a step's handler on the handler pool, bounded by the step timeout, and names its failure the portable
 * way ({@link StepErrors}), or {@link WorkflowErrors#TIMEOUT} when the step timeout cut it off. The handler sees the
 * step it runs for and the step execution's stable invocation id ({@link InvocationIds}: history entry
 * {@code h<seq>} for steps, compensation number for compensations).
 */
final class TaskRunner {
    /** The outcome of one invocation: exactly one of {@code output} and {@code error} is set. */
    record Result(byte[] output, StepError error) {
    }

    /** Who calls a handler: the invocation id, attempt and step its context shows. */
    record Call(String invocationId, int attempt, StepInvocation step) {
    }

    /** The call of the current attempt of the step a frame is at ({@code kind} task or awaitCallback). */
    static Call call(Frame frame, String kind) {
        return new Call(InvocationIds.step(frame.runId(), frame.path(), "h" + frame.historySeq()), frame.attempt(),
                new StepInvocation(frame.runId(), frame.path(), kind));
    }

    /** Attempt {@code attempt} of the {@code seq}-th compensation the run recorded, for the step at {@code path}. */
    static Call compensation(String runId, String path, long seq, int attempt) {
        return new Call(InvocationIds.compensation(runId, path, seq), attempt,
                new StepInvocation(runId, path, "compensation"));
    }

    private final HandlerRegistry handlers;
    private final ExecutorService pool;

    TaskRunner(HandlerRegistry handlers, ExecutorService pool) {
        this.handlers = handlers;
        this.pool = pool;
    }

    Result invoke(String handler, byte[] input, Call caller, Duration timeout) {
        Future<byte[]> call = pool.submit(() -> handlers.invokeJson(handler, input, caller.invocationId(),
                caller.attempt(), Optional.of(caller.step())));
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
