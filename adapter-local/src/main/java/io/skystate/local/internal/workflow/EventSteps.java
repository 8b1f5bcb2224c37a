package io.skystate.local.internal.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.skystate.api.NotFoundException;
import io.skystate.api.workflow.RunStateException;
import io.skystate.api.workflow.Step;
import io.skystate.core.workflow.interpret.Plan;
import io.skystate.core.workflow.interpret.StepInterpreter;
import io.skystate.core.workflow.ops.Signals;
import java.util.Optional;

/**
 * Signals and {@link Step.AwaitEvent} steps. A signal is a row in {@code wf_events}, committed before
 * {@link #signal} returns, and it makes the run's waiting awaitEvent frames due. An awaitEvent frame, whenever it
 * runs, takes the run's oldest pending event of its name in the same transaction that moves the frame on (or times it
 * out), so a crash either happened before both or after both: no event is lost or consumed twice. Without an event
 * the frame stays READY with phase {@code EVENT:<deadline>} and wakes at the deadline (or at the next signal).
 */
final class EventSteps {
    /** The phase prefix of a frame waiting for an event; the deadline in epoch millis follows. */
    static final String PHASE = "EVENT:";

    private final EngineContext ctx;
    private final Transitions transitions;
    private final FrameStepper stepper;

    EventSteps(EngineContext ctx, Transitions transitions, FrameStepper stepper) {
        this.ctx = ctx;
        this.transitions = transitions;
        this.stepper = stepper;
    }

    /** Records an event for a running run (see {@link io.skystate.api.workflow.Workflows#signal}). */
    void signal(String runId, String event, byte[] payloadJson) {
        Signals.check("local", ctx.codec(), event, payloadJson);
        stepper.commit((c, tokens) -> {
            RunRow run = RunTable.find(c, runId).orElseThrow(() ->
                    new NotFoundException("local", "no workflow instance '" + runId + "'"));
            if (run.reported().finished()) {
                throw new RunStateException("local", "run '" + runId + "' has finished (" + run.status()
                        + "): it takes no more events");
            }
            long now = ctx.clock().millis();
            EventTable.append(c, runId, event, payloadJson, now);
            FrameTable.wakeEventWaiters(c, runId, now);
        });
        ctx.wake().run();
    }

    /** Runs an awaitEvent frame: consume an event, arm its deadline, or time it out. */
    void advance(Frame frame, Step.AwaitEvent step, Plan.AwaitEvent plan) {
        stepper.commit((c, tokens) -> {
            Optional<FrameStepper.Current> still = stepper.current(c, frame.runId(), frame.frameId(), Frame.READY);
            if (still.isEmpty()) {
                return; // stopped meanwhile
            }
            Frame waiting = still.get().frame().withHistory(stepper.open(c, still.get().frame(), step));
            JsonNode data = ctx.codec().tree(waiting.data());
            long now = ctx.clock().millis();
            Optional<EventTable.Pending> event = EventTable.oldest(c, waiting.runId(), plan.event());
            if (event.isPresent()) {
                EventTable.consume(c, waiting.runId(), event.get().seq());
                JsonNode payload = ctx.claims().offload(ctx.codec().tree(event.get().payload()));
                transitions.apply(c, waiting, StepInterpreter.completed(step, data, payload), tokens);
                return;
            }
            Optional<Long> deadline = deadline(waiting.phase());
            if (deadline.isEmpty()) {
                long due = now + plan.timeout().toMillis();
                FrameTable.save(c, waiting.with(Frame.READY, PHASE + due, waiting.attempt(), due));
            } else if (now >= deadline.get()) {
                transitions.apply(c, waiting, StepInterpreter.eventTimedOut(step, data), tokens);
            } else {
                FrameTable.save(c, waiting.with(Frame.READY, waiting.phase(), waiting.attempt(), deadline.get()));
            }
        });
    }

    private static Optional<Long> deadline(String phase) {
        return phase != null && phase.startsWith(PHASE) ? Optional.of(Long.parseLong(phase.substring(PHASE.length())))
                : Optional.empty();
    }
}
