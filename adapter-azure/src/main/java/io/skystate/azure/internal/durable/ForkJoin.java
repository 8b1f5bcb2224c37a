package io.skystate.azure.internal.durable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.durabletask.Task;
import com.microsoft.durabletask.TaskFailedException;
import com.microsoft.durabletask.TaskOrchestrationContext;
import io.skystate.core.workflow.ClaimCheck;
import io.skystate.core.workflow.interpret.Plan;
import io.skystate.core.workflow.interpret.StepInterpreter;
import java.util.ArrayList;
import java.util.List;

/**
 * One attempt of a parallel step: every branch runs as a sub-orchestration of the same generic orchestrator
 * (instance {@code <parent>:<fork>:<branch>}, deterministic and unique in the run), with the run's remaining step
 * attempts as its budget. Results are joined in branch order. The first branch to fail fails the attempt: the
 * branches still running are stopped at once ({@link Names#STOP_BRANCHES}: terminated, their pending callbacks
 * failed), as the local engine and Step Functions stop them. Every branch's history and compensations are merged
 * into the parent's. A joined result over the claim-check threshold is offloaded by an activity (the orchestrator
 * does no I/O). Deterministic.
 */
final class ForkJoin {
    private final Walk walk;

    ForkJoin(Walk walk) {
        this.walk = walk;
    }

    Attempt run(Plan.Fork fork, int entry) {
        TaskOrchestrationContext ctx = walk.ctx();
        String prefix = walk.nextForkPrefix();
        int budget = walk.remaining();
        List<String> ids = new ArrayList<>();
        List<Task<String>> tasks = new ArrayList<>();
        for (Plan.BranchStart branch : fork.branches()) {
            String id = prefix + ":" + branch.index();
            RunInput input = new RunInput(walk.runId(), walk.definition(), branch.scope(), branch.startAt(),
                    branch.input(), 0, budget, List.of(), List.of(), 0, 0);
            ids.add(id);
            walk.action();
            tasks.add(ctx.callSubOrchestrator(Names.ORCHESTRATION, Json.write(input), id, String.class));
        }
        walk.log().kids(entry, ids);
        BranchResult[] results = new BranchResult[tasks.size()];
        List<Task<?>> pending = new ArrayList<>(tasks);
        while (!pending.isEmpty()) {
            Task<?> done = ctx.anyOf(pending).await();
            pending.remove(done);
            int index = tasks.indexOf(done);
            results[index] = result(tasks.get(index));
            if (!results[index].ok()) {
                List<String> running = new ArrayList<>();
                pending.forEach(p -> running.add(ids.get(tasks.indexOf(p))));
                List<BranchResult> ended = collect(results);
                if (!running.isEmpty()) {
                    ended.add(stop(running));
                }
                absorb(ended);
                return Attempt.failed(results[index].stepError());
            }
        }
        List<BranchResult> all = collect(results);
        absorb(all);
        List<JsonNode> outputs = new ArrayList<>();
        all.forEach(r -> outputs.add(r.data()));
        return Attempt.ok(offloadIfLarge(StepInterpreter.branchResults(outputs)));
    }

    private static BranchResult result(Task<String> task) {
        try {
            return BranchResult.parse(task.await());
        } catch (TaskFailedException e) {
            return new BranchResult(false, null, e.getErrorDetails().getErrorType(),
                    e.getErrorDetails().getErrorMessage(), List.of(), List.of(), 0);
        }
    }

    private static List<BranchResult> collect(BranchResult[] results) {
        List<BranchResult> present = new ArrayList<>();
        for (BranchResult r : results) {
            if (r != null) {
                present.add(r);
            }
        }
        return present;
    }

    /** Adds the branches' history, compensations (in branch order) and attempts to the parent's. */
    private void absorb(List<BranchResult> results) {
        walk.log().merge(BranchResult.histories(results));
        for (BranchResult r : results) {
            walk.log().addCompensations(r.compensations());
            walk.addUsed(r.used());
        }
    }

    private BranchResult stop(List<String> running) {
        ObjectNode request = Json.object().put("run", walk.runId());
        running.forEach(request.putArray("children")::add);
        walk.action();
        return BranchResult.parse(walk.ctx().callActivity(Names.STOP_BRANCHES, Json.write(request), String.class)
                .await());
    }

    private JsonNode offloadIfLarge(JsonNode joined) {
        if (Json.size(joined) <= ClaimCheck.THRESHOLD_BYTES) {
            return joined;
        }
        ObjectNode request = Json.object();
        request.set("value", joined);
        walk.action();
        return Attempt.parse(walk.ctx().callActivity(Names.OFFLOAD, Json.write(request), String.class).await())
                .result();
    }
}
