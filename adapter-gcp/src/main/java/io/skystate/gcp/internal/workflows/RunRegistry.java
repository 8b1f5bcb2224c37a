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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

    private final EngineContext ctx;

    RunRegistry(EngineContext ctx) {
        this.ctx = ctx;
    }

    /** Creates the record; {@link io.skystate.api.AlreadyExistsException} if the id is taken. */
    void create(String id, RunRecord record) {
        ctx.registry().putJson(key(id), record, PutOptions.ifAbsent().expiringAt(ctx.clock().instant().plus(RETENTION)));
        if (record.deadline() != null) {
            ctx.registry().putJson(new Key(DEADLINES, deadlineId(record.deadline(), id)), id,
                    PutOptions.always().expiringAt(ctx.clock().instant().plus(RETENTION)));
        }
    }

    Optional<RunRecord> find(String id) {
        return ctx.registry().getJson(key(id), RunRecord.class);
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
