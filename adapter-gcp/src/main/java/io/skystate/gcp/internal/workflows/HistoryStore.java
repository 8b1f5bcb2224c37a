package io.skystate.gcp.internal.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import io.skystate.api.VersionConflictException;
import io.skystate.api.state.Key;
import io.skystate.api.state.ListRequest;
import io.skystate.api.state.Page;
import io.skystate.api.state.PutOptions;
import io.skystate.api.state.StateEntry;
import io.skystate.api.state.StateValue;
import io.skystate.api.workflow.StepExecution;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Run histories in the registry store, one record per step visit ({@code hist-<run>/<visit id>}). Three writers
 * meet here: the task endpoint records task, callback and compensation attempts as they happen; the workflow's
 * events (inline steps, and final outcomes the workflow decides: caught, failed, cancelled by a sibling) arrive in
 * logs with the next endpoint call or the execution's end; the engine closes what a stop left open. Merging is
 * idempotent (a log sent twice changes nothing) and a closed entry never reopens. Thread-safe (optimistic
 * concurrency per entry).
 */
final class HistoryStore {
    /** What an attempt call learned: its number, whether it is new (not a transport retry), and if the entry was closed. */
    record Attempt(int number, boolean fresh, boolean closed) {
    }

    private final EngineContext ctx;

    HistoryStore(EngineContext ctx) {
        this.ctx = ctx;
    }

    /** Records an attempt of a visit (opening its entry on the first one); a repeated nonce is the same attempt. */
    Attempt attempt(String run, String visit, String path, String kind, double startedSeconds, String nonce) {
        Attempt[] result = new Attempt[1];
        change(run, visit, current -> {
            HistoryEntry entry = current.orElseGet(() -> HistoryEntry.open(visit, path, kind, micros(startedSeconds)));
            if (entry.closed()) {
                result[0] = new Attempt(entry.attempts(), false, true);
                return null;
            }
            if (nonce != null && nonce.equals(entry.nonce())) {
                result[0] = new Attempt(entry.attempts(), false, false);
                return null;
            }
            result[0] = new Attempt(entry.attempts() + 1, true, false);
            return entry.attempt(entry.attempts() + 1, nonce);
        });
        return result[0];
    }

    /**
     * The endpoint's outcome of attempt {@code number}: succeeded ({@code outcome} SUCCEEDED), or failed with
     * {@code error} (RUNNING until the workflow decides, or FAILED and closed for a compensation's last attempt).
     * Ignored once the entry is closed or a later attempt began.
     */
    void attemptEnded(String run, String visit, int number, String outcome, String error, String cause) {
        change(run, visit, current -> current.filter(e -> !e.closed() && e.attempts() == number)
                .map(e -> e.outcome(outcome, "RUNNING".equals(outcome) ? null : nowMicros(), number, error, cause,
                        "FAILED".equals(outcome)))
                .orElse(null));
    }

    /** Records the events of a workflow log (nested lists are flattened); {@code kindOf} maps a path to its kind. */
    void merge(String run, JsonNode log, Function<String, String> kindOf) {
        if (log == null || !log.isArray()) {
            return;
        }
        for (JsonNode event : log) {
            if (event.isArray()) {
                merge(run, event, kindOf);
            } else if (event.isObject() && event.hasNonNull(Protocol.VISIT)) {
                apply(run, event, kindOf);
            }
        }
    }

    private void apply(String run, JsonNode event, Function<String, String> kindOf) {
        String visit = event.get(Protocol.VISIT).asText();
        String outcome = event.path(Protocol.OUTCOME).asText("RUNNING");
        boolean last = !outcome.equals("RUNNING");
        Long ended = event.hasNonNull(Protocol.ENDED) ? micros(event.get(Protocol.ENDED).asDouble()) : null;
        Integer attempts = event.hasNonNull(Protocol.ATTEMPT) ? event.get(Protocol.ATTEMPT).asInt() : null;
        String error = text(event, Protocol.ERROR_NAME);
        String cause = text(event, Protocol.CAUSE_TEXT);
        change(run, visit, current -> {
            HistoryEntry entry;
            if (current.isPresent()) {
                entry = current.get();
            } else if (event.hasNonNull(Protocol.PATH)) {
                String path = event.get(Protocol.PATH).asText();
                entry = HistoryEntry.open(visit, path, kindOf.apply(path), micros(event.path(Protocol.STARTED).asDouble()));
            } else {
                return null;
            }
            if (entry.closed()) {
                return null;
            }
            int count = attempts != null ? attempts : entry.attempts();
            return last ? entry.outcome(outcome, ended, count, error, cause, true)
                    : entry.outcome("RUNNING", null, count, entry.error(), entry.cause(), false);
        });
    }

    /** Closes every entry still RUNNING as {@code outcome} (a stopped or finished run). */
    void closeOpen(String run, String outcome) {
        for (StateEntry stored : entries(run)) {
            HistoryEntry entry = decode(stored);
            if (!entry.closed() && entry.outcome().equals("RUNNING")) {
                change(run, stored.key().id(), current -> current.filter(e -> !e.closed() && e.outcome().equals("RUNNING"))
                        .map(e -> e.outcome(outcome, nowMicros(), e.attempts(), null, null, true)).orElse(null));
            }
        }
    }

    /** The run's history in start order. */
    List<StepExecution> list(String run) {
        List<HistoryEntry> all = new ArrayList<>();
        entries(run).forEach(e -> all.add(decode(e)));
        all.sort(Comparator.comparingLong(HistoryEntry::startedMicros).thenComparingInt(HistoryEntry::depth)
                .thenComparingLong(HistoryEntry::seq));
        return all.stream().map(HistoryEntry::toExecution).toList();
    }

    private List<StateEntry> entries(String run) {
        List<StateEntry> found = new ArrayList<>();
        Optional<ListRequest> request = Optional.of(ListRequest.firstPage(group(run), 500));
        while (request.isPresent()) {
            Page page = ctx.registry().list(request.get());
            found.addAll(page.entries());
            request = request.get().next(page);
        }
        return found;
    }

    /** Read-modify-write of one entry; {@code change} returns null to leave it as it is. */
    private void change(String run, String visit, Function<Optional<HistoryEntry>, HistoryEntry> change) {
        Key key = new Key(group(run), visit);
        while (true) {
            Optional<StateEntry> stored = ctx.registry().get(key);
            HistoryEntry changed = change.apply(stored.map(this::decode));
            if (changed == null) {
                return;
            }
            PutOptions condition = stored.map(s -> PutOptions.ifVersion(s.version())).orElse(PutOptions.ifAbsent())
                    .expiringAt(ctx.clock().instant().plus(RunRegistry.RETENTION));
            try {
                ctx.registry().put(key, StateValue.json(ctx.codec().encode(changed)), condition);
                return;
            } catch (VersionConflictException | io.skystate.api.AlreadyExistsException raced) {
                // another writer got there first: apply the change to what it wrote
            }
        }
    }

    private HistoryEntry decode(StateEntry stored) {
        return ctx.codec().decode(stored.value().bytes(), HistoryEntry.class);
    }

    private static String text(JsonNode event, String field) {
        return event.hasNonNull(field) ? event.get(field).asText() : null;
    }

    private long nowMicros() {
        return ctx.clock().instant().toEpochMilli() * 1000L;
    }

    static long micros(double seconds) {
        return Math.round(seconds * 1e6);
    }

    private static String group(String run) {
        return "hist-" + run;
    }
}
