package io.skystate.core.workflow.interpret;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skystate.api.workflow.CatchRule;
import io.skystate.api.workflow.RetryRule;
import io.skystate.api.workflow.Step;
import io.skystate.api.workflow.WorkflowErrors;
import io.skystate.core.handler.HandlerRegistry;
import io.skystate.core.workflow.ConditionEvaluator;
import io.skystate.core.workflow.JsonPaths;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The portable semantics of every step, written once for every engine: what entering a step asks for
 * ({@link Plan}) and what happens when it ends ({@link Transition}): input and result paths, choice evaluation,
 * retry matching and back-off, catch rules, parallel joins, fatal errors.
 *
 * <p>Pure and deterministic: no clock, no randomness, no I/O. Paths are applied to the workflow document as it is,
 * where a large value is a claim-check reference: engines resolve references only when they hand data to a handler
 * or a caller. Stateless and thread-safe.
 */
public final class StepInterpreter {
    private StepInterpreter() {
    }

    /** What entering {@code step} (history path prefix {@code scope}) with {@code data} asks the engine to do. */
    public static Plan enter(Step step, String scope, JsonNode data) {
        if (step instanceof Step.Task task) {
            return select(data, task.inputPath()).<Plan>map(input -> new Plan.Invoke(task.handler(), input,
                    task.timeout().orElse(HandlerRegistry.DEFAULT_TIMEOUT))).orElseGet(() -> nothingAt(task.inputPath()));
        }
        if (step instanceof Step.AwaitCallback await) {
            return select(data, await.inputPath()).<Plan>map(input -> new Plan.AwaitCallback(await.handler(), input,
                    await.timeout(), await.heartbeat())).orElseGet(() -> nothingAt(await.inputPath()));
        }
        if (step instanceof Step.AwaitEvent await) {
            return new Plan.AwaitEvent(await.event(), await.timeout());
        }
        if (step instanceof Step.Choice choice) {
            return new Plan.Decided(choose(choice, data));
        }
        if (step instanceof Step.Parallel parallel) {
            List<Plan.BranchStart> branches = new ArrayList<>();
            for (int i = 0; i < parallel.branches().size(); i++) {
                branches.add(new Plan.BranchStart(i, scope + parallel.name() + "/" + i + "/",
                        parallel.branches().get(i).startAt(), data));
            }
            return new Plan.Fork(branches);
        }
        if (step instanceof Step.Wait wait) {
            return sleep(wait, data);
        }
        if (step instanceof Step.Fail fail) {
            return new Plan.Decided(new Transition.Failed(new StepError(fail.error(), fail.cause())));
        }
        return new Plan.Decided(new Transition.End(data));
    }

    /**
     * A task or callback step produced {@code result}, or an awaitEvent step received an event whose payload is
     * {@code result} (already offloaded if large).
     */
    public static Transition completed(Step step, JsonNode data, JsonNode result) {
        if (step instanceof Step.Task task) {
            return proceed(data, task.resultPath(), result, task.next());
        }
        if (step instanceof Step.AwaitCallback await) {
            return proceed(data, await.resultPath(), result, await.next());
        }
        if (step instanceof Step.AwaitEvent await) {
            return proceed(data, await.resultPath(), result, await.next());
        }
        throw new IllegalArgumentException("step '" + step.name() + "' (" + step.kind() + ") produces no result");
    }

    /** The result of a parallel step: its branches' outputs, in branch order. */
    public static ArrayNode branchResults(List<JsonNode> outputs) {
        ArrayNode results = JsonNodeFactory.instance.arrayNode();
        outputs.forEach(results::add);
        return results;
    }

    /**
     * Every branch of {@code step} ended; {@code results} is {@link #branchResults} of their outputs (offloaded by
     * the engine if large).
     */
    public static Transition joined(Step.Parallel step, JsonNode data, JsonNode results) {
        return proceed(data, step.resultPath(), results, step.next());
    }

    /**
     * No event came within an awaitEvent step's timeout: {@link WorkflowErrors#TIMEOUT}, which its catch rules may
     * take (it has no retry rules).
     */
    public static Transition eventTimedOut(Step.AwaitEvent step, JsonNode data) {
        return failed(step, data, new StepError(WorkflowErrors.TIMEOUT, "no event '" + step.event() + "' arrived within "
                + step.timeout()), 1);
    }

    /** A wait step's time came. */
    public static Transition waited(Step.Wait step, JsonNode data) {
        return step.next().<Transition>map(next -> new Transition.Next(next, data))
                .orElseGet(() -> new Transition.End(data));
    }

    /**
     * The step failed with {@code error} after {@code attempts} attempts (at least 1): retry it if the first retry
     * rule matching the error allows another attempt, else take the first matching catch rule, else fail the scope.
     * Fatal errors match no rule.
     */
    public static Transition failed(Step step, JsonNode data, StepError error, int attempts) {
        if (error.fatal()) {
            return new Transition.Failed(error);
        }
        Optional<RetryRule> retry = retryRules(step).stream().filter(r -> r.matches(error.error())).findFirst();
        if (retry.isPresent() && attempts < retry.get().maxAttempts()) {
            return new Transition.Retry(retry.get().delayAfter(Math.max(1, attempts)), retry.get().jitter() > 0, error);
        }
        Optional<CatchRule> handler = catchRules(step).stream().filter(r -> r.matches(error.error())).findFirst();
        if (handler.isEmpty()) {
            return new Transition.Failed(error);
        }
        ObjectNode caught = JsonNodeFactory.instance.objectNode().put("error", error.error()).put("cause", error.cause());
        try {
            JsonNode written = JsonPaths.write(data, handler.get().resultPath(), caught);
            return new Transition.Caught(handler.get().next(), written, error);
        } catch (JsonPaths.DataPathException e) {
            return new Transition.Failed(StepError.dataError(e.getMessage()));
        }
    }

    private static Transition proceed(JsonNode data, String resultPath, JsonNode result, Optional<String> next) {
        JsonNode written;
        try {
            written = JsonPaths.write(data, resultPath, result);
        } catch (JsonPaths.DataPathException e) {
            return new Transition.Failed(StepError.dataError(e.getMessage()));
        }
        return next.<Transition>map(n -> new Transition.Next(n, written))
                .orElseGet(() -> new Transition.End(written));
    }

    private static Transition choose(Step.Choice choice, JsonNode data) {
        for (Step.ChoiceRule rule : choice.rules()) {
            if (ConditionEvaluator.test(rule.condition(), data)) {
                return new Transition.Next(rule.next(), data);
            }
        }
        return choice.otherwise().<Transition>map(o -> new Transition.Next(o, data))
                .orElseGet(() -> new Transition.Failed(new StepError(WorkflowErrors.NO_CHOICE_MATCHED,
                        "no rule of choice '" + choice.name() + "' matched and it has no otherwise")));
    }

    private static Plan sleep(Step.Wait wait, JsonNode data) {
        if (wait.duration().isPresent()) {
            return new Plan.Sleep(wait.duration(), Optional.empty());
        }
        if (wait.until().isPresent()) {
            return new Plan.Sleep(Optional.empty(), wait.until());
        }
        String path = wait.untilPath().orElseThrow();
        Optional<JsonNode> at = JsonPaths.read(data, path);
        if (at.isEmpty() || !at.get().isTextual()) {
            return new Plan.Decided(new Transition.Failed(StepError.dataError(
                    "wait path " + path + " selects no ISO-8601 timestamp string")));
        }
        try {
            return new Plan.Sleep(Optional.empty(), Optional.of(Instant.parse(at.get().textValue())));
        } catch (DateTimeParseException e) {
            return new Plan.Decided(new Transition.Failed(StepError.dataError(
                    "wait path " + path + " selects '" + at.get().textValue() + "', not an ISO-8601 instant")));
        }
    }

    private static Optional<JsonNode> select(JsonNode data, String path) {
        return JsonPaths.read(data, path);
    }

    private static Plan nothingAt(String path) {
        return new Plan.Decided(new Transition.Failed(StepError.dataError("input path " + path + " selects nothing")));
    }

    private static List<RetryRule> retryRules(Step step) {
        if (step instanceof Step.Task t) {
            return t.retry();
        }
        if (step instanceof Step.AwaitCallback a) {
            return a.retry();
        }
        return step instanceof Step.Parallel p ? p.retry() : List.of();
    }

    private static List<CatchRule> catchRules(Step step) {
        if (step instanceof Step.Task t) {
            return t.catches();
        }
        if (step instanceof Step.AwaitCallback a) {
            return a.catches();
        }
        if (step instanceof Step.AwaitEvent e) {
            return e.catches();
        }
        return step instanceof Step.Parallel p ? p.catches() : List.of();
    }
}
