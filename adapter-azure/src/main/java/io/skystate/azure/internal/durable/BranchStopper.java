package io.skystate.azure.internal.durable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.durabletask.OrchestrationMetadata;
import com.microsoft.durabletask.OrchestrationRuntimeStatus;
import io.skystate.api.workflow.RunStatus;
import io.skystate.api.workflow.StepExecution.Outcome;
import io.skystate.api.workflow.WorkflowErrors;
import java.util.ArrayList;
import java.util.List;

/**
 * Stops orchestration instances from outside: terminates them and their running branches (found in the custom
 * status of open parallel entries, recursively), then fails every callback token they wait on, so a late
 * completion is rejected as on the local engine. Used to cancel or time out a run and, from the
 * {@link Names#STOP_BRANCHES} activity, to stop the siblings of a failed branch (whose histories, with their open
 * steps CANCELLED, and compensations it returns to the parent). Thread-safe.
 */
final class BranchStopper {
    private final EngineParts parts;

    BranchStopper(EngineParts parts) {
        this.parts = parts;
    }

    /** True if the instance was terminated (cancelled or timed out). */
    boolean stopped(String instance) {
        OrchestrationMetadata m = parts.durable().getInstanceMetadata(instance, false);
        return m.isInstanceFound() && m.getRuntimeStatus() == OrchestrationRuntimeStatus.TERMINATED;
    }

    /**
     * Terminates {@code run}'s current orchestration {@code orchestration} with {@code output} if it is still running;
     * returns false if it had ended.
     */
    boolean stopRun(String run, String orchestration, String output) {
        OrchestrationMetadata m = parts.durable().getInstanceMetadata(orchestration, true);
        if (!m.isInstanceFound() || !running(m.getRuntimeStatus())) {
            return false;
        }
        parts.durable().terminate(orchestration, output);
        stopChildren(run, openKids(m));
        failTokens(run, orchestration);
        return true;
    }

    String stopBranches(String json) {
        JsonNode request = Json.tree(json);
        String run = request.get("run").asText();
        List<String> children = new ArrayList<>();
        request.get("children").forEach(c -> children.add(c.asText()));
        List<ObjectNode> history = new ArrayList<>();
        List<ObjectNode> compensations = new ArrayList<>();
        for (String child : children) {
            collect(run, child, history, compensations);
        }
        return Json.write(new BranchResult(false, null, WorkflowErrors.CANCELLED, "a sibling branch failed", history,
                compensations, 0));
    }

    /** Terminates one branch (and its branches), failing its callbacks; adds its history and compensations. */
    private void collect(String run, String instance, List<ObjectNode> history, List<ObjectNode> compensations) {
        String output = RunResults.stopped(RunStatus.CANCELLED, WorkflowErrors.CANCELLED, "a sibling branch failed");
        OrchestrationMetadata m = parts.durable().getInstanceMetadata(instance, true);
        if (m.isInstanceFound() && running(m.getRuntimeStatus())) {
            parts.durable().terminate(instance, output);
        }
        failTokens(run, instance);
        JsonNode status = status(m);
        long now = parts.clock().millis();
        for (JsonNode entry : status.path("h")) {
            ObjectNode copy = ((ObjectNode) entry).deepCopy();
            List<String> kids = kids(copy);
            if (Outcome.RUNNING.name().equals(copy.path("o").asText()) && !copy.has("ref")) {
                copy.put("o", Outcome.CANCELLED.name()).put("e", now);
            }
            copy.remove("kids");
            history.add(copy);
            for (String kid : kids) {
                collect(run, kid, history, compensations);
            }
        }
        status.path("c").forEach(c -> compensations.add((ObjectNode) c));
    }

    private void stopChildren(String run, List<String> children) {
        for (String child : children) {
            OrchestrationMetadata m = parts.durable().getInstanceMetadata(child, true);
            if (m.isInstanceFound() && running(m.getRuntimeStatus())) {
                parts.durable().terminate(child, RunResults.stopped(RunStatus.CANCELLED, WorkflowErrors.CANCELLED,
                        "the run was stopped"));
            }
            stopChildren(run, openKids(m));
        }
    }

    /** Fails the tokens of every callback that {@code instance} or its branches wait on. */
    private void failTokens(String run, String instance) {
        for (RunRegistry.CallbackWait wait : parts.registry().callbackWaits(run)) {
            if (wait.instance().equals(instance) || wait.instance().startsWith(instance + ":")) {
                Activities.invalidate(parts, wait.token());
            }
        }
    }

    static JsonNode status(OrchestrationMetadata m) {
        if (!m.isInstanceFound()) {
            return Json.object();
        }
        JsonNode status = m.readCustomStatusAs(JsonNode.class);
        return status == null || status.isNull() ? Json.object() : status;
    }

    /** The child instances of the parallel steps still open in an instance's status. */
    static List<String> openKids(OrchestrationMetadata m) {
        List<String> kids = new ArrayList<>();
        for (JsonNode entry : status(m).path("h")) {
            if (Outcome.RUNNING.name().equals(entry.path("o").asText())) {
                kids.addAll(kids((ObjectNode) entry));
            }
        }
        return kids;
    }

    private static List<String> kids(ObjectNode entry) {
        List<String> kids = new ArrayList<>();
        JsonNode array = entry.path("kids");
        if (array instanceof ArrayNode list) {
            list.forEach(k -> kids.add(k.asText()));
        }
        return kids;
    }

    static boolean running(OrchestrationRuntimeStatus status) {
        return status == OrchestrationRuntimeStatus.RUNNING || status == OrchestrationRuntimeStatus.PENDING
                || status == OrchestrationRuntimeStatus.CONTINUED_AS_NEW || status == OrchestrationRuntimeStatus.SUSPENDED;
    }
}
