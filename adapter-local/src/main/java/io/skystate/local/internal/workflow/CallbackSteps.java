package io.skystate.local.internal.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skystate.api.SkystateException;
import io.skystate.api.callback.CallbackHandle;
import io.skystate.api.callback.CallbackOutcome;
import io.skystate.api.callback.CallbackRequest;
import io.skystate.api.callback.CallbackStatus;
import io.skystate.api.workflow.Step;
import io.skystate.api.workflow.WorkflowErrors;
import io.skystate.core.workflow.JsonPaths;
import io.skystate.core.workflow.interpret.Plan;
import io.skystate.core.workflow.interpret.StepError;
import io.skystate.core.workflow.interpret.StepInterpreter;
import java.util.Optional;

/**
 * Runs {@link Step.AwaitCallback} steps: create a callback (phase ISSUED, persisted with its token, and in
 * {@code wake_at} the instant it started waiting), call the handler with {@code {"token", "url", "input"}} (again
 * after a crash, with the same token), then wait (WAITING) until the callback's completion message arrives on
 * {@link EngineContext#CALLBACK_QUEUE}.
 */
final class CallbackSteps {
    private static final String ISSUED = "ISSUED";

    private final EngineContext ctx;
    private final Transitions transitions;
    private final FrameStepper stepper;

    CallbackSteps(EngineContext ctx, Transitions transitions, FrameStepper stepper) {
        this.ctx = ctx;
        this.transitions = transitions;
        this.stepper = stepper;
    }

    void advance(Frame frame, Step.AwaitCallback step, Plan.AwaitCallback plan) {
        Frame issued = frame;
        if (!ISSUED.equals(frame.phase())) {
            Optional<Frame> begun = stepper.begin(frame, step);
            issued = begun.isEmpty() ? null : issue(begun.get(), plan);
        }
        if (issued == null) {
            return;
        }
        TaskRunner.Result result;
        try {
            ObjectNode request = ctx.codec().mapper().createObjectNode();
            request.put("token", issued.callbackToken());
            request.put("url", ctx.callbackUrls().apply(issued.callbackToken()).toString());
            request.set("input", ctx.claims().resolve(plan.input()));
            result = ctx.tasks().invoke(plan.handler(), ctx.codec().encode(request), TaskRunner.call(issued, "awaitCallback"),
                    plan.timeout());
        } catch (JsonPaths.DataPathException e) {
            result = new TaskRunner.Result(null, StepError.dataError(e.getMessage()));
        }
        Frame sent = issued;
        TaskRunner.Result outcome = result;
        if (outcome.error() != null) {
            invalidate(ctx, sent.callbackToken());
        }
        stepper.commit((c, tokens) -> {
            Optional<FrameStepper.Current> still = stepper.current(c, sent.runId(), sent.frameId(), Frame.READY)
                    .filter(now -> sent.callbackId().equals(now.frame().callbackId()));
            if (still.isEmpty()) {
                return;
            }
            if (outcome.error() != null) {
                transitions.fail(c, still.get().frame(), step, outcome.error(), tokens);
            } else {
                FrameTable.save(c, still.get().frame().with(Frame.WAITING, ISSUED, sent.attempt(),
                        still.get().frame().wakeAt()));
            }
        });
        if (outcome.error() == null) {
            resolved(sent.callbackId());
        }
    }

    /** Applies a resolved callback to the frame waiting on it; does nothing if none waits or it is unresolved. */
    boolean resolved(String callbackId) {
        CallbackOutcome outcome;
        try {
            outcome = ctx.callbacks().outcome(callbackId);
        } catch (SkystateException unknown) {
            return true;
        }
        if (!outcome.status().resolved()) {
            return false;
        }
        boolean[] applied = {true};
        stepper.commit((c, tokens) -> {
            Optional<Frame> frame = FrameTable.byCallback(c, callbackId);
            if (frame.isEmpty() || !Frame.WAITING.equals(frame.get().state())) {
                applied[0] = frame.isEmpty() || !ISSUED.equals(frame.get().phase()) || !Frame.READY.equals(frame.get().state());
                return;
            }
            Optional<FrameStepper.Current> current = stepper.current(c, frame.get().runId(), frame.get().frameId(), Frame.WAITING);
            if (current.isEmpty()) {
                return;
            }
            Step.AwaitCallback step = (Step.AwaitCallback) current.get().step();
            Frame waiting = current.get().frame();
            if (outcome.status() == CallbackStatus.COMPLETED) {
                JsonNode result = ctx.claims().offload(ctx.codec().tree(outcome.result().orElseThrow()));
                transitions.apply(c, waiting, StepInterpreter.completed(step, ctx.codec().tree(waiting.data()), result),
                        tokens);
            } else {
                String error = outcome.status() == CallbackStatus.TIMED_OUT ? WorkflowErrors.TIMEOUT
                        : outcome.errorType().orElse("Skystate.CallbackFailed");
                transitions.fail(c, waiting, step, new StepError(error, outcome.errorMessage().orElse("")), tokens);
            }
        });
        ctx.wake().run();
        return applied[0];
    }

    private Frame issue(Frame started, Plan.AwaitCallback plan) {
        CallbackRequest request = CallbackRequest.withTimeout(plan.timeout()).notifying(EngineContext.CALLBACK_QUEUE)
                .labelled(started.runId() + "/" + started.path());
        if (plan.heartbeat().isPresent()) {
            request = request.withHeartbeat(plan.heartbeat().get());
        }
        CallbackHandle handle = ctx.callbacks().create(request);
        Frame[] issued = {null};
        stepper.commit((c, tokens) -> {
            if (stepper.current(c, started.runId(), started.frameId(), Frame.READY).isPresent()) {
                // wake_at of an issued callback frame keeps when the callback started waiting (due at once if resumed)
                long since = handle.expiresAt().minus(plan.timeout()).toEpochMilli();
                issued[0] = started.with(Frame.READY, ISSUED, started.attempt(), since)
                        .withCallback(handle.id(), handle.token());
                FrameTable.save(c, issued[0]);
            }
        });
        if (issued[0] == null) {
            invalidate(ctx, handle.token());
        }
        return issued[0];
    }

    /** Makes a callback token unusable (fails its callback) so a stopped step can no longer be completed. */
    static void invalidate(EngineContext ctx, String token) {
        try {
            ctx.callbacks().fail(token, WorkflowErrors.CANCELLED, "the workflow step waiting on this callback stopped");
        } catch (SkystateException alreadyResolvedOrExpired) {
            // Nothing left to invalidate.
        }
    }
}
