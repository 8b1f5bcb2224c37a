package io.skystate.local.internal.workflow;

import io.skystate.api.InvalidRequestException;
import io.skystate.api.NotFoundException;
import io.skystate.api.SkystateException;
import io.skystate.api.callback.CallbackStatus;
import io.skystate.api.workflow.PendingCallback;
import io.skystate.api.workflow.RunPage;
import io.skystate.api.workflow.RunQuery;
import io.skystate.api.workflow.RunStatus;
import io.skystate.api.workflow.RunSummary;
import io.skystate.api.workflow.Step;
import io.skystate.core.workflow.ops.RunPageTokens;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code runs} and {@code pendingCallbacks} read. Runs are listed with SQL over {@code wf_runs}: every filter in
 * the query (so pages are full), newest start first and ties by id, resuming after the start and id of the last row
 * handed out, which a {@link RunPageTokens signed token} carries. Pending callbacks are the run's frames whose
 * callback is issued and still unresolved. Thread-safe.
 */
final class RunListing {
    private final EngineContext ctx;
    private final RunPageTokens tokens;

    RunListing(EngineContext ctx, RunPageTokens tokens) {
        this.ctx = ctx;
        this.tokens = tokens;
    }

    RunPage runs(RunQuery query) {
        Optional<String[]> after = tokens.position(query).map(RunListing::position);
        List<RunSummary> rows = ctx.database().inTransaction(c -> select(c, query, after));
        if (rows.size() <= query.pageSize()) {
            return new RunPage(rows, Optional.empty());
        }
        List<RunSummary> page = rows.subList(0, query.pageSize());
        RunSummary last = page.get(page.size() - 1);
        return new RunPage(page, Optional.of(tokens.issue(query, last.startedAt().toEpochMilli() + ":" + last.instanceId())));
    }

    List<PendingCallback> pendingCallbacks(String runId) {
        List<PendingCallback> pending = new ArrayList<>();
        ctx.database().inTransaction(c -> {
            RunRow run = RunTable.find(c, runId).orElseThrow(() ->
                    new NotFoundException("local", "no workflow instance '" + runId + "'"));
            if (run.reported().finished()) {
                return null;
            }
            for (Frame frame : FrameTable.issuedCallbacks(c, runId)) {
                if (!unresolved(frame.callbackId())) {
                    continue; // resolved: the step moves on when the engine hears of it
                }
                Step.AwaitCallback step = (Step.AwaitCallback) ctx.definitions().step(run.workflow(), run.version(),
                        frame.scope(), frame.step());
                Instant since = Instant.ofEpochMilli(frame.wakeAt());
                URI url = ctx.callbackUrls().apply(frame.callbackToken());
                pending.add(new PendingCallback(runId, frame.path(), frame.callbackToken(),
                        Optional.of(url).filter(u -> "http".equals(u.getScheme()) || "https".equals(u.getScheme())),
                        since, since.plus(step.timeout())));
            }
            return null;
        });
        return pending;
    }

    private boolean unresolved(String callbackId) {
        try {
            return ctx.callbacks().outcome(callbackId).status() == CallbackStatus.PENDING;
        } catch (SkystateException gone) {
            return false;
        }
    }

    private static List<RunSummary> select(Connection c, RunQuery query, Optional<String[]> after) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT id, workflow, version, status, started_at, ended_at, error,"
                + " redrive_count FROM wf_runs WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        query.workflow().ifPresent(w -> {
            sql.append(" AND workflow = ?");
            args.add(w);
        });
        if (!query.statuses().isEmpty()) {
            List<String> stored = new ArrayList<>(query.statuses().stream().map(RunStatus::name).toList());
            if (query.statuses().contains(RunStatus.RUNNING)) {
                stored.add(RunRow.COMPENSATING);
            }
            sql.append(" AND status IN (").append(String.join(", ", stored.stream().map(s -> "?").toList())).append(')');
            args.addAll(stored);
        }
        query.startedFrom().ifPresent(from -> {
            sql.append(" AND started_at >= ?");
            args.add(ceilMillis(from));
        });
        query.startedBefore().ifPresent(before -> {
            sql.append(" AND started_at < ?");
            args.add(ceilMillis(before));
        });
        after.ifPresent(position -> {
            sql.append(" AND (started_at < ? OR (started_at = ? AND id > ?))");
            args.add(Long.parseLong(position[0]));
            args.add(Long.parseLong(position[0]));
            args.add(position[1]);
        });
        sql.append(" ORDER BY started_at DESC, id ASC LIMIT ?");
        args.add(query.pageSize() + 1);
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                s.setObject(i + 1, args.get(i));
            }
            List<RunSummary> runs = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    runs.add(summary(rs));
                }
            }
            return runs;
        }
    }

    private static RunSummary summary(ResultSet rs) throws SQLException {
        String stored = rs.getString(4);
        RunStatus status = RunRow.COMPENSATING.equals(stored) ? RunStatus.RUNNING : RunStatus.valueOf(stored);
        long ended = rs.getLong(6);
        Optional<Instant> endedAt = rs.wasNull() || !status.finished() ? Optional.empty()
                : Optional.of(Instant.ofEpochMilli(ended));
        Optional<String> error = status.finished() ? Optional.ofNullable(rs.getString(7)) : Optional.empty();
        return new RunSummary(rs.getString(1), rs.getString(2), rs.getInt(3), status,
                Instant.ofEpochMilli(rs.getLong(5)), endedAt, error, rs.getInt(8));
    }

    /** The first whole millisecond at or after {@code instant} (start times are stored in whole milliseconds). */
    private static long ceilMillis(Instant instant) {
        long floor = instant.toEpochMilli();
        return instant.getNano() % 1_000_000 == 0 ? floor : floor + 1;
    }

    /** A signed position {@code <startedAt millis>:<instance id>}. */
    private static String[] position(String text) {
        int colon = text.indexOf(':');
        if (colon < 1 || !text.substring(0, colon).chars().allMatch(Character::isDigit)) {
            throw new InvalidRequestException("local", "the page token holds no position of this engine");
        }
        return new String[] {text.substring(0, colon), text.substring(colon + 1)};
    }
}
