package io.skystate.gcp.internal.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import io.skystate.api.AlreadyExistsException;
import io.skystate.api.NotFoundException;
import io.skystate.api.VersionConflictException;
import io.skystate.api.state.Key;
import io.skystate.api.state.ListRequest;
import io.skystate.api.state.Page;
import io.skystate.api.state.PutOptions;
import io.skystate.api.state.StateEntry;
import io.skystate.api.state.StateValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Runs in the registry store. {@code run-<id>/run} holds the {@link RunRecord} (created if absent, so an instance id
 * names one run across workflows; it changes only when the engine stops the run or records its end);
 * {@code run-<id>/execution} links the Workflows execution, created if absent, so exactly one execution is the
 * run's (or none, once a run stopped before its execution was linked: {@value #SEALED}); {@code run-<id>/input}
 * holds a start input too large for the execution argument; group {@code deadlines} indexes runs with a workflow
 * timeout by {@code <deadline>-<id>}, so the sweeper finds the overdue ones in key order. A start writes two records
 * and reads none. Links never change, so they are remembered. Records are kept for {@link #RETENTION}. Thread-safe.
 */
final class RunRegistry {
    /** How long run records outlive their start: Workflows keeps executions for 90 days after they end. */
    static final Duration RETENTION = Duration.ofDays(400);
    private static final String DEADLINES = "deadlines";
    private static final String SEALED = "-";
    private static final int CACHE = 10_000;

    private final EngineContext ctx;
    private final Map<String, RunRecord> started = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, RunRecord> eldest) {
                    return size() > CACHE;
                }
            });

    RunRegistry(EngineContext ctx) {
        this.ctx = ctx;
    }

    /** Creates the record; {@link AlreadyExistsException} if the id is taken. */
    void create(String id, RunRecord record) {
        ctx.registry().putJson(key(id), record.withExecution(null), keep(PutOptions.ifAbsent()));
        if (record.deadline() != null) {
            ctx.registry().putJson(new Key(DEADLINES, deadlineId(record.deadline(), id)), id, keep(PutOptions.always()));
        }
    }

    /**
     * Links {@code execution} to the run; false when another execution was linked first or the run was stopped before
     * (the caller cancels its execution).
     */
    boolean link(String id, RunRecord record, String execution) {
        try {
            ctx.registry().putJson(executionKey(id), execution, keep(PutOptions.ifAbsent()));
        } catch (AlreadyExistsException taken) {
            return false;
        }
        started.put(id, record.withExecution(execution));
        return true;
    }

    /** The run's linked execution; when none is linked yet, seals the run so that none ever will be. */
    Optional<String> sealOrExecution(String id) {
        Optional<String> known = execution(id);
        if (known.isPresent()) {
            return known;
        }
        try {
            ctx.registry().putJson(executionKey(id), SEALED, keep(PutOptions.ifAbsent()));
            return Optional.empty();
        } catch (AlreadyExistsException linked) {
            return execution(id);
        }
    }

    /** The current record (stop fields read now), with its execution if one is linked. */
    Optional<RunRecord> find(String id) {
        return ctx.registry().getJson(key(id), RunRecord.class).map(r -> r.withExecution(execution(id).orElse(null)));
    }

    RunRecord require(String id) {
        return find(id).orElseThrow(() -> new NotFoundException(GcpErrors.PROVIDER, "no workflow instance '" + id + "'"));
    }

    /**
     * The record for reading what never changes once the execution is linked (workflow, version, execution, start,
     * deadline): from memory when this process saw it before; its stop fields may be stale.
     */
    RunRecord startedRecord(String id) {
        RunRecord cached = started.get(id);
        if (cached != null) {
            return cached;
        }
        RunRecord record = require(id);
        if (record.execution() != null) {
            started.put(id, record);
        }
        return record;
    }

    private Optional<String> execution(String id) {
        RunRecord cached = started.get(id);
        if (cached != null) {
            return Optional.of(cached.execution());
        }
        return ctx.registry().getJson(executionKey(id), String.class).filter(name -> !name.equals(SEALED));
    }

    /**
     * Applies {@code change} to the stored record with a version check, again on a conflict; returns the record
     * written (with its execution), or empty when {@code change} returns null (nothing to do).
     */
    Optional<RunRecord> update(String id, UnaryOperator<RunRecord> change) {
        while (true) {
            StateEntry entry = ctx.registry().get(key(id)).orElseThrow(() ->
                    new NotFoundException(GcpErrors.PROVIDER, "no workflow instance '" + id + "'"));
            RunRecord changed = change.apply(ctx.codec().decode(entry.value().bytes(), RunRecord.class));
            if (changed == null) {
                return Optional.empty();
            }
            try {
                ctx.registry().put(key(id), StateValue.json(ctx.codec().encode(changed.withExecution(null))),
                        keep(PutOptions.ifVersion(entry.version())));
                return Optional.of(changed.withExecution(execution(id).orElse(null)));
            } catch (VersionConflictException raced) {
                // another writer changed the record: apply the change to the new one
            }
        }
    }

    void storeInput(String id, JsonNode input) {
        ctx.registry().put(new Key("run-" + id, "input"), StateValue.json(ctx.codec().encode(input)),
                keep(PutOptions.always()));
    }

    Optional<JsonNode> input(String id) {
        return ctx.registry().get(new Key("run-" + id, "input")).map(e -> ctx.codec().tree(e.value().bytes()));
    }

    /** Ids of runs whose deadline has passed (at most {@code limit}), oldest deadline first. */
    List<String> overdue(long now, int limit) {
        List<String> ids = new ArrayList<>();
        Page page = ctx.registry().list(ListRequest.firstPage(DEADLINES, limit));
        for (StateEntry entry : page.entries()) {
            String keyId = entry.key().id();
            if (Long.parseLong(keyId.substring(0, keyId.indexOf('-'))) > now) {
                break;
            }
            ids.add(keyId.substring(keyId.indexOf('-') + 1));
        }
        return ids;
    }

    /** Forgets a run's deadline (it ended, or the sweeper stopped it). */
    void dropDeadline(String id, long deadline) {
        ctx.registry().delete(new Key(DEADLINES, deadlineId(deadline, id)));
    }

    private PutOptions keep(PutOptions condition) {
        return condition.expiringAt(ctx.clock().instant().plus(RETENTION));
    }

    private static String deadlineId(long deadline, String id) {
        return String.format("%015d-%s", deadline, id);
    }

    private static Key key(String id) {
        return new Key("run-" + id, "run");
    }

    private static Key executionKey(String id) {
        return new Key("run-" + id, "execution");
    }
}
