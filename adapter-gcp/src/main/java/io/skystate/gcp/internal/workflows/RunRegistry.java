package io.skystate.gcp.internal.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import io.skystate.api.NotFoundException;
import io.skystate.api.VersionConflictException;
import io.skystate.api.state.Key;
import io.skystate.api.state.ListRequest;
import io.skystate.api.state.Page;
import io.skystate.api.state.PutOptions;
import io.skystate.api.state.StateEntry;
import io.skystate.api.state.StateValue;
import io.skystate.api.state.Version;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Runs in the registry store: {@code run-<id>/run} holds the {@link RunRecord} (created if absent, so an instance id
 * names one run across workflows), {@code run-<id>/input} a start input too large for the execution argument, and
 * group {@code deadlines} indexes runs with a workflow timeout by {@code <deadline>-<id>}, so the sweeper finds
 * the overdue ones in key order. Records are kept for {@link #RETENTION}. Thread-safe (optimistic concurrency).
 */
final class RunRegistry {
    /** How long run records outlive their start: Workflows keeps executions for 90 days after they end. */
    static final Duration RETENTION = Duration.ofDays(400);
    private static final String DEADLINES = "deadlines";

    private static final int CACHE = 10_000;

    private final EngineContext ctx;
    /** Records whose execution is known, for the parts that never change again (workflow, version, execution, times). */
    private final Map<String, RunRecord> started = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, RunRecord> eldest) {
                    return size() > CACHE;
                }
            });

    RunRegistry(EngineContext ctx) {
        this.ctx = ctx;
    }

    /** Creates the record; {@link io.skystate.api.AlreadyExistsException} if the id is taken. Returns its version. */
    Version create(String id, RunRecord record) {
        Version version = ctx.registry().putJson(key(id), record,
                PutOptions.ifAbsent().expiringAt(ctx.clock().instant().plus(RETENTION)));
        if (record.deadline() != null) {
            ctx.registry().putJson(new Key(DEADLINES, deadlineId(record.deadline(), id)), id,
                    PutOptions.always().expiringAt(ctx.clock().instant().plus(RETENTION)));
        }
        return version;
    }

    /** Writes {@code record} if the stored one still has {@code version}; empty (nothing written) otherwise. */
    Optional<RunRecord> replace(String id, Version version, RunRecord record) {
        try {
            ctx.registry().put(key(id), StateValue.json(ctx.codec().encode(record)),
                    PutOptions.ifVersion(version).expiringAt(ctx.clock().instant().plus(RETENTION)));
        } catch (VersionConflictException changed) {
            return Optional.empty();
        }
        if (record.execution() != null) {
            started.put(id, record);
        }
        return Optional.of(record);
    }

    Optional<RunRecord> find(String id) {
        return ctx.registry().getJson(key(id), RunRecord.class);
    }

    /**
     * The record for reading what never changes once the execution is recorded (workflow, version, execution, start,
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

    RunRecord require(String id) {
        return find(id).orElseThrow(() -> new NotFoundException(GcpErrors.PROVIDER, "no workflow instance '" + id + "'"));
    }

    /**
     * Applies {@code change} with a version check, again on a conflict; returns the record written, or empty when
     * {@code change} returns null (nothing to do).
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
                ctx.registry().put(key(id), StateValue.json(ctx.codec().encode(changed)),
                        PutOptions.ifVersion(entry.version()).expiringAt(ctx.clock().instant().plus(RETENTION)));
                if (changed.execution() != null) {
                    started.put(id, changed);
                }
                return Optional.of(changed);
            } catch (VersionConflictException raced) {
                // another writer changed the record: apply the change to the new one
            }
        }
    }

    void storeInput(String id, JsonNode input) {
        ctx.registry().put(new Key("run-" + id, "input"), StateValue.json(ctx.codec().encode(input)),
                PutOptions.always().expiringAt(ctx.clock().instant().plus(RETENTION)));
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

    private static String deadlineId(long deadline, String id) {
        return String.format("%015d-%s", deadline, id);
    }

    private static Key key(String id) {
        return new Key("run-" + id, "run");
    }
}
