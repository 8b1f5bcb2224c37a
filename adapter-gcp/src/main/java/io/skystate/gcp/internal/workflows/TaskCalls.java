package io.skystate.gcp.internal.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skystate.api.callback.CallbackHandle;
import io.skystate.api.handler.StepInvocation;
import io.skystate.api.workflow.Step;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.api.workflow.WorkflowErrors;
import io.skystate.api.workflow.Workflows;
import io.skystate.core.handler.HandlerRegistry;
import io.skystate.core.workflow.AttemptBudget;
import io.skystate.core.workflow.JsonPaths;
import io.skystate.core.workflow.StepErrors;
import io.skystate.core.workflow.ops.InvocationIds;
import java.util.Optional;

/**
 * The operations of the task endpoint, each answering {@code {"ok": true, "result"}} or {@code {"ok": false,
 * "error", "cause"}}: run a task attempt, issue a callback attempt, run a compensation attempt, stop the callback
 * steps of a fork's branches, record a log, offload a large value, hand out a stored input. Every request first
 * records the workflow's pending history events; an attempt is refused with Skystate.Cancelled when the run was
 * stopped (or the caller is not the run's execution), counts against {@link Workflows#MAX_STEP_ATTEMPTS} when it is
 * new (a transport retry repeats its nonce), and runs the handler the registered definition names, with claim-check
 * references resolved and a large result offloaded.
 * Handlers see their step ({@code InvocationContext.step()}) and one invocation id per step execution, in core's
 * {@link InvocationIds} format: {@code <run>/<path>@n<visit>} for every attempt of a task or callback step's visit,
 * {@code <run>/<path>@compensation-<n>} for the run's n-th compensation. Thread-safe.
 */
final class TaskCalls {
    private final EngineContext ctx;
    private final Deployments deployments;
    private final RunRegistry runs;
    private final HistoryStore history;
    private final CallbackRelay relay;
    private final HandlerInvoker invoker;
    private final EventWaits events;
    private final AttemptBudget budget;

    TaskCalls(EngineContext ctx, Deployments deployments, RunRegistry runs, HistoryStore history, CallbackRelay relay,
            HandlerInvoker invoker, EventWaits events) {
        this.events = events;
        this.ctx = ctx;
        this.deployments = deployments;
        this.runs = runs;
        this.history = history;
        this.relay = relay;
        this.invoker = invoker;
        this.budget = new AttemptBudget(ctx.registry(), ctx.clock());
    }

    /** The run a request belongs to, and its definition. */
    private record Context(String run, RunRecord record, WorkflowDefinition definition) {
    }

    JsonNode task(JsonNode body) {
        return withRun(body, run -> {
            Step.Task task = step(run, body, Step.Task.class);
            HistoryStore.Attempt attempt = begin(run, body, task.kind());
            if (attempt.closed()) {
                return Answers.error(ctx, WorkflowErrors.CANCELLED, "the step was stopped");
            }
            if (attempt.fresh() && !budget.take(run.run())) {
                return capReached(run, body, attempt);
            }
            byte[] input = ctx.codec().encode(ctx.claims().resolve(body.path(Protocol.INPUT)));
            HandlerInvoker.Result result = invoker.invoke(task.handler(), input, invocation(run.run(), body),
                    attempt.number(), stepOf(run, body, task.kind()), task.timeout().orElse(HandlerRegistry.DEFAULT_TIMEOUT));
            return finish(run, body, attempt, result, false);
        });
    }

    JsonNode callback(JsonNode body) {
        return withRun(body, run -> {
            Step.AwaitCallback await = step(run, body, Step.AwaitCallback.class);
            HistoryStore.Attempt attempt = begin(run, body, await.kind());
            if (attempt.closed()) {
                return Answers.error(ctx, WorkflowErrors.CANCELLED, "the step was stopped");
            }
            if (attempt.fresh() && !budget.take(run.run())) {
                return capReached(run, body, attempt);
            }
            CallbackHandle handle = relay.issue(run.run(), visit(body), body.path(Protocol.PATH).asText(),
                    body.path(Protocol.CALLBACK_URL).asText(), await.timeout(), await.heartbeat());
            ObjectNode request = ctx.codec().mapper().createObjectNode();
            request.put("token", handle.token());
            request.put("url", handle.url().toString());
            request.set("input", ctx.claims().resolve(body.path(Protocol.INPUT)));
            HandlerInvoker.Result result = invoker.invoke(await.handler(), ctx.codec().encode(request),
                    invocation(run.run(), body), attempt.number(), stepOf(run, body, await.kind()), await.timeout());
            if (!result.ok()) {
                relay.invalidate(handle, run.run());
                history.attemptEnded(run.run(), visit(body), attempt.number(), "RUNNING", result.error().error(),
                        result.error().cause());
                return Answers.error(ctx, result.error().error(), result.error().cause());
            }
            return Answers.ok(ctx, ctx.codec().mapper().nullNode());
        });
    }

    /**
     * An awaitEvent step's execution (its first call, or the {@value Protocol#FINAL} one after its wait timed out):
     * answers whether an event was claimed for it ({@link EventWaits#claim}) and its payload.
     */
    JsonNode event(JsonNode body) {
        return withRun(body, run -> {
            Step.AwaitEvent await = step(run, body, Step.AwaitEvent.class);
            boolean last = body.path(Protocol.FINAL).asBoolean(false);
            if (!last) {
                HistoryStore.Attempt attempt = begin(run, body, await.kind());
                if (attempt.closed()) {
                    return Answers.error(ctx, WorkflowErrors.CANCELLED, "the step was stopped");
                }
                if (attempt.fresh() && !budget.take(run.run())) {
                    return capReached(run, body, attempt);
                }
            }
            Optional<JsonNode> payload = events.claim(run.run(), visit(body), await.event(),
                    invocation(run.run(), body), body.path(Protocol.CALLBACK_URL).asText(), last);
            ObjectNode answer = ctx.codec().mapper().createObjectNode();
            answer.put(Protocol.GOT, payload.isPresent());
            payload.ifPresent(p -> answer.set(Protocol.PAYLOAD, ctx.claims().offload(p)));
            return Answers.ok(ctx, answer);
        });
    }

    JsonNode compensate(JsonNode body) {
        return withRun(body, run -> {
            Step.Task task = step(run, body, Step.Task.class);
            HistoryStore.Attempt attempt = history.attempt(run.run(), visit(body), body.path(Protocol.PATH).asText(),
                    "compensation", body.path(Protocol.STARTED).asDouble(), body.path(Protocol.NONCE).asText(null));
            byte[] input = ctx.codec().encode(ctx.claims().resolve(body.path(Protocol.INPUT)));
            String path = body.path(Protocol.PATH).asText();
            HandlerInvoker.Result result = invoker.invoke(task.compensation().orElseThrow(), input,
                    InvocationIds.compensation(run.run(), path, body.path(Protocol.COMPENSATION_NUMBER).asLong()),
                    attempt.number(), new StepInvocation(run.run(), path, "compensation"),
                    HandlerRegistry.DEFAULT_TIMEOUT);
            return finish(run, body, attempt, result, true);
        });
    }

    /** A branch failed: stop the callback steps its sibling branches wait in (visit ids under {@code prefix}). */
    JsonNode stop(JsonNode body) {
        return withRun(body, run -> Answers.ok(ctx, ctx.codec().mapper().getNodeFactory()
                .numberNode(relay.stopBranches(run.run(), body.path(Protocol.PREFIX).asText("-")))));
    }

    JsonNode record(JsonNode body) {
        return withRun(body, run -> Answers.ok(ctx, ctx.codec().mapper().nullNode()));
    }

    JsonNode offload(JsonNode body) {
        return withRun(body, run -> Answers.ok(ctx, ctx.claims().offload(body.path(Protocol.INPUT))));
    }

    JsonNode input(JsonNode body) {
        return withRun(body, run -> runs.input(run.run()).map(input -> Answers.ok(ctx, input))
                .orElseGet(() -> Answers.error(ctx, WorkflowErrors.DATA_ERROR, "the run's input is not stored")));
    }

    /** Checks the run, records the request's log, then does {@code work}. */
    private JsonNode withRun(JsonNode body, java.util.function.Function<Context, JsonNode> work) {
        String id = body.path(Protocol.RUN).asText();
        Optional<RunRecord> record = runs.find(id);
        if (record.isEmpty()) {
            return Answers.error(ctx, WorkflowErrors.CANCELLED, "no workflow instance '" + id + "'");
        }
        WorkflowDefinition definition = deployments.require(record.get().workflow(), record.get().version());
        history.merge(id, body.get(Protocol.LOG), path -> Deployments.step(definition, path).map(Step::kind)
                .orElse("task"));
        String caller = body.path(Protocol.EXECUTION).asText("");
        if (record.get().stop() != null || record.get().execution() != null && !caller.isEmpty()
                && !caller.equals(record.get().executionId())) {
            return Answers.error(ctx, WorkflowErrors.CANCELLED, "the run was stopped, or this is not its execution");
        }
        try {
            return work.apply(new Context(id, record.get(), definition));
        } catch (JsonPaths.DataPathException e) {
            return Answers.error(ctx, WorkflowErrors.DATA_ERROR, e.getMessage());
        }
    }

    private <S extends Step> S step(Context run, JsonNode body, Class<S> type) {
        String path = body.path(Protocol.PATH).asText();
        return Deployments.step(run.definition(), path).filter(type::isInstance).map(type::cast)
                .orElseThrow(() -> new IllegalArgumentException("workflow '" + run.definition().name() + "' v"
                        + run.definition().version() + " has no " + type.getSimpleName() + " step at " + path));
    }

    private HistoryStore.Attempt begin(Context run, JsonNode body, String kind) {
        return history.attempt(run.run(), visit(body), body.path(Protocol.PATH).asText(), kind,
                body.path(Protocol.STARTED).asDouble(), body.path(Protocol.NONCE).asText(null));
    }

    private JsonNode capReached(Context run, JsonNode body, HistoryStore.Attempt attempt) {
        String cause = "the run made " + Workflows.MAX_STEP_ATTEMPTS + " step attempts, the most a run may make";
        history.attemptEnded(run.run(), visit(body), attempt.number(), "RUNNING", WorkflowErrors.TRANSITION_LIMIT, cause);
        return Answers.error(ctx, WorkflowErrors.TRANSITION_LIMIT, cause);
    }

    private JsonNode finish(Context run, JsonNode body, HistoryStore.Attempt attempt, HandlerInvoker.Result result,
            boolean compensation) {
        if (result.ok()) {
            JsonNode output = ctx.claims().offload(ctx.codec().tree(result.output()));
            history.attemptEnded(run.run(), visit(body), attempt.number(), "SUCCEEDED", null, null);
            return Answers.ok(ctx, output);
        }
        boolean last = compensation && attempt.number() >= Protocol.COMPENSATION_ATTEMPTS;
        history.attemptEnded(run.run(), visit(body), attempt.number(), last ? "FAILED" : "RUNNING",
                result.error().error(), result.error().cause());
        return Answers.error(ctx, result.error().error(), result.error().cause());
    }

    /**
     * The invocation id of every attempt of one step execution: core's format with the execution marker
     * {@code n<visit>} (the visit id the YAML takes on entering the step: a retry keeps it, a loop's next visit and
     * another run get new ones), hashed when a deep branch path makes it longer than a marker may be.
     */
    private static String invocation(String run, JsonNode body) {
        String marker = "n" + visit(body);
        if (!InvocationIds.EXECUTION.matcher(marker).matches()) {
            marker = "h" + WorkflowIds.digest(marker);
        }
        return InvocationIds.step(run, body.path(Protocol.PATH).asText(), marker);
    }

    private static StepInvocation stepOf(Context run, JsonNode body, String kind) {
        return new StepInvocation(run.run(), body.path(Protocol.PATH).asText(), kind);
    }

    private static String visit(JsonNode body) {
        return body.path(Protocol.VISIT).asText();
    }
}
