package io.skystate.azure.internal.durable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skystate.api.workflow.StepExecution.Outcome;
import io.skystate.core.workflow.interpret.StepError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An orchestration's step history, kept in its custom status so that {@code history()} needs no activity per step.
 * Entries are JSON objects: {@code p} path, {@code k} kind, {@code o} outcome, {@code s}/{@code e} start and end
 * (epoch millis, orchestration time), {@code a} attempts, {@code x}/{@code c} error and cause, {@code kids} the child
 * instances of a running parallel step; an entry {@code {"ref": key, "s": start}} stands for a chunk of older
 * entries moved to the registry store ({@link HistorySpill}). Deterministic: changed only by the orchestrator, with
 * orchestration time. Not thread-safe (an orchestrator runs on one thread).
 */
final class HistoryLog {
    private final ArrayNode entries = Json.MAPPER.createArrayNode();
    private final ArrayNode compensations = Json.MAPPER.createArrayNode();
    private final ObjectNode status = Json.object();

    HistoryLog(List<ObjectNode> carried, List<ObjectNode> carriedCompensations) {
        carried.forEach(entries::add);
        carriedCompensations.forEach(compensations::add);
        status.set("h", entries);
        status.set("c", compensations);
    }

    /**
     * The custom status: {@code {"h": entries, "c": compensations, "at": {"step", "data"}}} (the live object; the SDK
     * serializes it last); {@code at} is the top-level step the run is at and the data it started with, what a
     * {@link Redriver redrive} restarts from.
     */
    ObjectNode status() {
        return status;
    }

    /** Records that the run's top-level step {@code step} starts with {@code data}. */
    void at(String step, JsonNode data) {
        ObjectNode at = status.putObject("at");
        at.put("step", step);
        at.set("data", data);
    }

    int open(String path, String kind, Instant now) {
        ObjectNode entry = entries.addObject();
        entry.put("p", path).put("k", kind).put("o", Outcome.RUNNING.name()).put("s", now.toEpochMilli()).put("a", 0);
        return entries.size() - 1;
    }

    void attempts(int index, int attempts) {
        ((ObjectNode) entries.get(index)).put("a", attempts);
    }

    void kids(int index, List<String> children) {
        ArrayNode kids = ((ObjectNode) entries.get(index)).putArray("kids");
        children.forEach(kids::add);
    }

    void close(int index, Outcome outcome, Instant now, StepError error) {
        ObjectNode entry = (ObjectNode) entries.get(index);
        entry.put("o", outcome.name()).put("e", now.toEpochMilli());
        entry.remove("kids");
        if (error != null) {
            entry.put("x", error.error()).put("c", error.cause());
        }
    }

    /** Appends entries that ran elsewhere (a parallel step's branches), in start order. */
    void merge(List<ObjectNode> others) {
        List<ObjectNode> sorted = new ArrayList<>(others);
        sorted.sort(Comparator.comparingLong(e -> e.path("s").asLong()));
        sorted.forEach(entries::add);
    }

    void addCompensation(String path, String handler) {
        compensations.addObject().put("path", path).put("handler", handler);
    }

    void addCompensations(List<ObjectNode> more) {
        more.forEach(compensations::add);
    }

    List<ObjectNode> entries() {
        List<ObjectNode> list = new ArrayList<>();
        entries.forEach(e -> list.add((ObjectNode) e));
        return list;
    }

    List<ObjectNode> compensations() {
        List<ObjectNode> list = new ArrayList<>();
        compensations.forEach(e -> list.add((ObjectNode) e));
        return list;
    }

    /** Replaces the first {@code count} entries by a reference to the chunk stored under {@code key}. */
    void replaceWithReference(int count, String key) {
        long start = entries.get(0).path("s").asLong();
        for (int i = 0; i < count; i++) {
            entries.remove(0);
        }
        entries.insert(0, Json.object().put("ref", key).put("s", start));
    }
}
