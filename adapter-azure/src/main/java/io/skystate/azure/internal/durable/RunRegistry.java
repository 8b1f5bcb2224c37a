package io.skystate.azure.internal.durable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.skystate.api.AlreadyExistsException;
import io.skystate.api.NotFoundException;
import io.skystate.api.state.Key;
import io.skystate.api.state.ListRequest;
import io.skystate.api.state.Page;
import io.skystate.api.state.PutOptions;
import io.skystate.api.state.StateEntry;
import io.skystate.api.state.StateStore;
import io.skystate.api.state.StateValue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What Durable Task does not keep, in one state store ({@value Names#REGISTRY_STORE}), as the AWS engine keeps it:
 * definition documents by version ({@code def-<name>}), runs ({@code run-<id>}: workflow, version, start
 * fingerprint, start time, deadline), the deadline index the sweeper reads, the callbacks each run waits on
 * ({@code cbrun-<run>}, with the waiting instance and token, so cancel can fail them) and spilled history chunks
 * ({@code hist-<run>}). Thread-safe if the store is.
 */
final class RunRegistry {
    /**
     * A run as recorded at its first start; {@code redriveCount} and {@code deadline} change when it is redriven
     * (records written before redrive existed read 0).
     */
    record RunRecord(String workflow, int version, String inputHash, long startedAt, Long deadline, int redriveCount) {
        /**
         * The orchestration instance of the run's current generation: the run's id until it is redriven, then
         * {@code <id>:r<redriveCount>} (instance ids have no {@code :}, so no run or branch instance has this id).
         */
        String orchestration(String runId) {
            return orchestration(runId, redriveCount);
        }

        static String orchestration(String runId, int generation) {
            return generation == 0 ? runId : runId + ":r" + generation;
        }
    }

    /** The orchestration instance of {@code runId}'s current generation ({@link RunRecord#orchestration}). */
    String orchestration(String runId) {
        return run(runId).map(r -> r.orchestration(runId)).orElse(runId);
    }

    /**
     * A callback some instance of {@code run} waits on: the waiting instance and token, and for
     * {@code pendingCallbacks} the callback id, the step's path, the callback's URL, when the callback was created and
     * when the step's timeout ends (epoch millis; null in records written before they were kept).
     */
    record CallbackWait(String run, String instance, String token, String callbackId, String path, String url,
            Long since, Long timeoutAt) {
    }

    static final String DEADLINES = "deadlines";

    private final StateStore store;

    RunRegistry(StateStore store) {
        this.store = store;
    }

    /** The registry's store (for core's run index, which keeps its own group). */
    StateStore store() {
        return store;
    }

    Optional<String> definition(String workflow, int version) {
        return store.get(definitionKey(workflow, version)).map(e -> new String(e.value().bytes(), StandardCharsets.UTF_8));
    }

    /** Stores a definition document; false if that version was there already. */
    boolean putDefinition(String workflow, int version, String document) {
        try {
            store.put(definitionKey(workflow, version), StateValue.json(document), PutOptions.ifAbsent());
            return true;
        } catch (AlreadyExistsException exists) {
            return false;
        }
    }

    Optional<Integer> latestVersion(String workflow) {
        Optional<Integer> latest = Optional.empty();
        for (StateEntry entry : list("def-" + workflow)) {
            latest = Optional.of(Integer.parseInt(entry.key().id()));
        }
        return latest;
    }

    /** Records a run; {@link AlreadyExistsException} if its id is taken. */
    void putRun(String id, RunRecord record) {
        store.putJson(runKey(id), record, PutOptions.ifAbsent());
        if (record.deadline() != null) {
            store.put(new Key(DEADLINES, id), StateValue.json(Long.toString(record.deadline())), PutOptions.always());
        }
    }

    /** Replaces a run's record (a redrive), with its deadline index entry. */
    void updateRun(String id, RunRecord record) {
        store.putJson(runKey(id), record, PutOptions.always());
        if (record.deadline() != null) {
            store.put(new Key(DEADLINES, id), StateValue.json(Long.toString(record.deadline())), PutOptions.always());
        }
    }

    Optional<RunRecord> run(String id) {
        return store.getJson(runKey(id), RunRecord.class);
    }

    RunRecord requireRun(String provider, String id) {
        return run(id).orElseThrow(() -> new NotFoundException(provider, "no workflow instance '" + id + "'"));
    }

    /** Runs with a deadline not yet swept: id and deadline (epoch millis). */
    void deadlines(Consumer<StateEntry> each) {
        list(DEADLINES).forEach(each);
    }

    void forgetDeadline(String id) {
        store.delete(new Key(DEADLINES, id));
    }

    void putCallbackWait(String callbackId, CallbackWait wait, Instant keepUntil) {
        PutOptions options = PutOptions.always().expiringAt(keepUntil);
        store.putJson(new Key("cb-" + callbackId, "wait"), wait, options);
        store.putJson(new Key("cbrun-" + wait.run(), callbackId), wait, options);
    }

    Optional<CallbackWait> callbackWait(String callbackId) {
        return store.getJson(new Key("cb-" + callbackId, "wait"), CallbackWait.class);
    }

    /** Every callback instances of {@code run} waited on. */
    List<CallbackWait> callbackWaits(String run) {
        List<CallbackWait> waits = new ArrayList<>();
        for (StateEntry entry : list("cbrun-" + run)) {
            waits.add(Json.read(new String(entry.value().bytes(), StandardCharsets.UTF_8), CallbackWait.class));
        }
        return waits;
    }

    void putChunk(String run, String key, JsonNode entries, Instant keepUntil) {
        store.put(new Key("hist-" + run, key), StateValue.json(Json.write(entries)), PutOptions.always().expiringAt(keepUntil));
    }

    ArrayNode chunk(String run, String key) {
        return store.get(new Key("hist-" + run, key))
                .map(e -> (ArrayNode) Json.tree(new String(e.value().bytes(), StandardCharsets.UTF_8)))
                .orElseGet(Json.MAPPER::createArrayNode);
    }

    private List<StateEntry> list(String group) {
        List<StateEntry> all = new ArrayList<>();
        Optional<ListRequest> request = Optional.of(ListRequest.firstPage(group, 200));
        while (request.isPresent()) {
            Page page = store.list(request.get());
            all.addAll(page.entries());
            request = request.get().next(page);
        }
        return all;
    }

    private static Key definitionKey(String workflow, int version) {
        return new Key("def-" + workflow, String.format("%06d", version));
    }

    private static Key runKey(String id) {
        return new Key("run-" + id, "run");
    }
}
