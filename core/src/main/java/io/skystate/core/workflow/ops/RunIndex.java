package io.skystate.core.workflow.ops;

import com.fasterxml.jackson.databind.JsonNode;
import io.skystate.api.AlreadyExistsException;
import io.skystate.api.state.Key;
import io.skystate.api.state.ListRequest;
import io.skystate.api.state.Page;
import io.skystate.api.state.PutOptions;
import io.skystate.api.state.StateEntry;
import io.skystate.api.state.StateStore;
import io.skystate.api.workflow.RunPage;
import io.skystate.api.workflow.RunQuery;
import io.skystate.api.workflow.RunSummary;
import io.skystate.core.json.JacksonCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An index of a workflow engine's runs in a {@link StateStore}, for {@link io.skystate.api.workflow.Workflows#runs}
 * on engines whose native listing cannot filter and page the portable way. One record per run in group
 * {@value #GROUP}, id {@code <inverted start millis, 13 digits>-<instanceId>}, so the store's UTF-8 key order is
 * newest start first, ties by instance id; the record holds what never changes (workflow, version, start). A run
 * started later sorts before every position already handed out, so it never shifts later pages.
 *
 * <p>Listing reads one store page of the query's page size, filters it (workflow and start range from the record,
 * status through the engine's {@link StatusReader}, read when the page is), and returns what matched with a
 * {@link RunPageTokens signed token} wrapping the store's cursor; a page can be short or empty and still have a next
 * one. Reading stops early, without a next page, at the first run older than {@code startedFrom}.
 *
 * <p>{@link #add} is idempotent: an engine calls it when it starts a run, before the start is acknowledged (a crash
 * in between is repaired by the caller's retried, idempotent start). Thread-safe if the store is.
 */
public final class RunIndex {
    /** The group of the index records. */
    public static final String GROUP = "runs";
    private static final long LATEST_MILLIS = 9_999_999_999_999L;

    /** What the index keeps of a run. */
    public record Entry(String instanceId, String workflow, int version, Instant startedAt) {
        public Entry {
            Objects.requireNonNull(instanceId, "instanceId");
            Objects.requireNonNull(workflow, "workflow");
            Objects.requireNonNull(startedAt, "startedAt");
        }
    }

    /** The engine's view of a run's current state, or empty when the run no longer exists. */
    @FunctionalInterface
    public interface StatusReader {
        Optional<RunSummary> summary(Entry entry);
    }

    private final StateStore store;
    private final JacksonCodec codec;
    private final RunPageTokens tokens;

    public RunIndex(StateStore store, JacksonCodec codec, RunPageTokens tokens) {
        this.store = store;
        this.codec = codec;
        this.tokens = tokens;
    }

    /** Records a started run; recording it again changes nothing. */
    public void add(Entry entry) {
        Map<String, Object> record = Map.of("instanceId", entry.instanceId(), "workflow", entry.workflow(),
                "version", entry.version(), "startedAt", entry.startedAt().toEpochMilli());
        try {
            store.putJson(key(entry), record, PutOptions.ifAbsent());
        } catch (AlreadyExistsException recorded) {
            // the run was indexed by an earlier attempt of the same start
        }
    }

    /** One page of the runs matching {@code query}, newest start first. */
    public RunPage list(RunQuery query, StatusReader reader) {
        Optional<String> cursor = tokens.position(query);
        Page page = store.list(new ListRequest(GROUP, query.pageSize(), cursor));
        List<RunSummary> runs = new ArrayList<>();
        for (StateEntry stored : page.entries()) {
            Entry entry = entry(codec.tree(stored.value().bytes()));
            if (query.startedFrom().isPresent() && entry.startedAt().isBefore(query.startedFrom().get())) {
                return new RunPage(runs, Optional.empty());
            }
            if (query.workflow().map(w -> !w.equals(entry.workflow())).orElse(false)
                    || query.startedBefore().map(b -> !entry.startedAt().isBefore(b)).orElse(false)) {
                continue;
            }
            reader.summary(entry).filter(query::matches).ifPresent(runs::add);
        }
        return new RunPage(runs, page.nextCursor().map(next -> tokens.issue(query, next)));
    }

    /** The record key of a run: inverted start time, then instance id. */
    static Key key(Entry entry) {
        long millis = Math.max(0, Math.min(LATEST_MILLIS, entry.startedAt().toEpochMilli()));
        return new Key(GROUP, String.format("%013d-%s", LATEST_MILLIS - millis, entry.instanceId()));
    }

    private static Entry entry(JsonNode record) {
        return new Entry(record.path("instanceId").asText(), record.path("workflow").asText(),
                record.path("version").asInt(), Instant.ofEpochMilli(record.path("startedAt").asLong()));
    }
}
