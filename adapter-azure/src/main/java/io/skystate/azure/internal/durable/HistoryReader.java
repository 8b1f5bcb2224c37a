package io.skystate.azure.internal.durable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.durabletask.OrchestrationMetadata;
import io.skystate.api.workflow.StepExecution;
import io.skystate.api.workflow.StepExecution.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reads a run's history: the entries in its orchestration's custom status, spilled chunks expanded in place, and,
 * under a parallel step still running, its branches' entries read from their own instances' statuses. Steps still
 * open when the run has ended were stopped with it (cancel, timeout) and read CANCELLED, as on every engine.
 * Thread-safe.
 */
final class HistoryReader {
    /** How long spilled history chunks are kept. */
    static final Duration RETENTION = Duration.ofDays(400);

    private final EngineParts parts;

    HistoryReader(EngineParts parts) {
        this.parts = parts;
    }

    List<StepExecution> history(String run, OrchestrationMetadata root, boolean finished) {
        List<JsonNode> entries = new ArrayList<>();
        expand(run, BranchStopper.status(root).path("h"), entries);
        Instant end = root.isInstanceFound() ? root.getLastUpdatedAt() : parts.clock().instant();
        List<StepExecution> history = new ArrayList<>();
        for (JsonNode e : entries) {
            history.add(toExecution(e, finished, end));
        }
        return history;
    }

    /**
     * A finished run's raw entries as a {@link Redriver redriven} generation carries them: spilled chunks stay
     * references, the branch entries of a parallel step still open when the run ended are read in from the branch
     * instances (after its entry, in start order), and open steps are closed CANCELLED at {@code end}, as
     * {@link #history} reports them.
     */
    List<ObjectNode> carried(String run, OrchestrationMetadata root, Instant end) {
        List<ObjectNode> out = new ArrayList<>();
        carry(BranchStopper.status(root).path("h"), end, out);
        return out;
    }

    private void carry(JsonNode entries, Instant end, List<ObjectNode> out) {
        for (JsonNode raw : entries) {
            ObjectNode entry = ((ObjectNode) raw).deepCopy();
            if (entry.has("ref")) {
                out.add(entry);
                continue;
            }
            JsonNode kids = entry.remove("kids");
            if (Outcome.RUNNING.name().equals(entry.path("o").asText())) {
                entry.put("o", Outcome.CANCELLED.name()).put("e", end.toEpochMilli());
            }
            out.add(entry);
            if (kids != null) {
                List<ObjectNode> branches = new ArrayList<>();
                for (JsonNode kid : kids) {
                    carry(BranchStopper.status(parts.durable().getInstanceMetadata(kid.asText(), true)).path("h"), end,
                            branches);
                }
                branches.sort(Comparator.comparingLong(b -> b.path("s").asLong()));
                out.addAll(branches);
            }
        }
    }

    private void expand(String run, JsonNode entries, List<JsonNode> out) {
        for (JsonNode entry : entries) {
            if (entry.has("ref")) {
                expand(run, parts.registry().chunk(run, entry.get("ref").asText()), out);
                continue;
            }
            out.add(entry);
            if (entry.has("kids")) {
                List<JsonNode> branches = new ArrayList<>();
                for (JsonNode kid : entry.get("kids")) {
                    OrchestrationMetadata m = parts.durable().getInstanceMetadata(kid.asText(), true);
                    expand(run, BranchStopper.status(m).path("h"), branches);
                }
                branches.sort(Comparator.comparingLong(b -> b.path("s").asLong()));
                out.addAll(branches);
            }
        }
    }

    private static StepExecution toExecution(JsonNode e, boolean finished, Instant runEnd) {
        Outcome outcome = Outcome.valueOf(e.get("o").asText());
        Optional<Instant> ended = e.hasNonNull("e") ? Optional.of(Instant.ofEpochMilli(e.get("e").asLong()))
                : Optional.empty();
        if (outcome == Outcome.RUNNING && finished) {
            outcome = Outcome.CANCELLED;
            ended = Optional.of(runEnd);
        }
        return new StepExecution(e.get("p").asText(), e.get("k").asText(), outcome,
                Instant.ofEpochMilli(e.get("s").asLong()), ended, e.path("a").asInt(),
                Optional.ofNullable(e.get("x")).map(JsonNode::asText), Optional.ofNullable(e.get("c")).map(JsonNode::asText));
    }
}
