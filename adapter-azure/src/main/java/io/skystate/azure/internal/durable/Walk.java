package io.skystate.azure.internal.durable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.durabletask.TaskOrchestrationContext;
import io.skystate.api.workflow.Step;
import io.skystate.core.workflow.interpret.StepError;
import io.skystate.core.workflow.interpret.Transition;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One execution (replay) of the generic orchestrator over one scope: walks the steps from where the input says,
 * one {@link StepRunner#run step} at a time, until the scope ends or fails, and returns the orchestration's output.
 * At step boundaries it moves old history out of the custom status ({@link HistorySpill}) and, after
 * {@value #CONTINUE_AFTER_ACTIONS} durable actions, continues as new with everything it carries
 * ({@link RunInput}), so a long loop never grows one orchestration history without bound.
 *
 * <p>Deterministic: reads only its input, the results of durable tasks and orchestration time. Not thread-safe.
 */
final class Walk {
    /** Durable actions (activities, timers, event waits, sub-orchestrations) before continue-as-new. */
    static final int CONTINUE_AFTER_ACTIONS = 64;

    private final TaskOrchestrationContext ctx;
    private final RunInput input;
    private final Map<String, Step> steps;
    private final HistoryLog log;
    private int used;
    private int forks;
    private int spills;
    private int actions;

    Walk(TaskOrchestrationContext ctx, RunInput input) {
        this.ctx = ctx;
        this.input = input;
        this.steps = Definitions.steps(Definitions.parse(input.definition()), input.scope());
        this.log = new HistoryLog(input.entries(), input.compensations());
        this.used = input.used();
        this.forks = input.forks();
        this.spills = input.spills();
        ctx.setCustomStatus(log.status());
    }

    /** Runs the scope to its end: the root's result ({@link RunResults}) or a branch's ({@link BranchResult}). */
    String run() {
        StepRunner runner = new StepRunner(this);
        String stepName = input.step();
        JsonNode data = input.data();
        while (true) {
            HistorySpill.ifLarge(this);
            if (actions >= CONTINUE_AFTER_ACTIONS) {
                ctx.continueAsNew(Json.write(new RunInput(input.runId(), input.definition(), input.scope(), stepName,
                        data, used, input.budget(), log.compensations(), log.entries(), forks, spills)), true);
            }
            if (!input.branch()) {
                log.at(stepName, data);
            }
            Transition end = runner.run(steps.get(stepName), data);
            if (end instanceof Transition.Onward onward) {
                stepName = onward.step();
                data = onward.data();
            } else if (end instanceof Transition.End done) {
                return input.branch() ? BranchResult.succeeded(done.data(), this) : RunResults.succeeded(done.data());
            } else {
                return failed(((Transition.Failed) end).error(), data);
            }
        }
    }

    private String failed(StepError error, JsonNode data) {
        if (input.branch()) {
            return BranchResult.failed(error, this);
        }
        if (!error.fatal() && !log.compensations().isEmpty()) {
            Saga.unwind(this, data);
        }
        return RunResults.failed(error);
    }

    TaskOrchestrationContext ctx() {
        return ctx;
    }

    HistoryLog log() {
        return log;
    }

    String runId() {
        return input.runId();
    }

    String scope() {
        return input.scope();
    }

    String definition() {
        return input.definition();
    }

    Instant now() {
        return ctx.getCurrentInstant();
    }

    /** Counts one durable action towards continue-as-new. */
    void action() {
        actions++;
    }

    boolean outOfAttempts() {
        return used >= input.budget();
    }

    void useAttempt() {
        used++;
    }

    void addUsed(int attempts) {
        used += attempts;
    }

    int used() {
        return used;
    }

    /** Step attempts left for this instance (what a branch may use). */
    int remaining() {
        return Math.max(0, input.budget() - used);
    }

    /**
     * A fresh, deterministic prefix for the child instances of one fork: {@code <instance>:<n>} (a redriven run's
     * generation has an instance id of its own, so its children never reuse an earlier generation's ids).
     */
    String nextForkPrefix() {
        return ctx.getInstanceId() + ":" + forks++;
    }

    /** A fresh, deterministic key for a spilled history chunk of this instance. */
    String nextSpillKey() {
        return ctx.getInstanceId() + "/" + String.format("%06d", spills++);
    }

    static ArrayNode array(List<ObjectNode> items) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        items.forEach(array::add);
        return array;
    }
}
