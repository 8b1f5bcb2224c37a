package io.skystate.api.workflow;

import io.skystate.api.Arguments;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What {@link Workflows#runs} lists: runs of one workflow (any when empty), in some statuses (any when empty), started
 * in {@code [startedFrom, startedBefore)}, {@code pageSize} at a time (1 to {@value #MAX_PAGE_SIZE}), from the page
 * a previous {@link RunPage#nextPageToken()} names. Immutable; every {@code with}-style method returns a copy.
 */
public record RunQuery(Optional<String> workflow, Set<RunStatus> statuses, Optional<Instant> startedFrom,
        Optional<Instant> startedBefore, int pageSize, Optional<String> pageToken) {
    /** The largest page: what every engine's native listing serves in one call. */
    public static final int MAX_PAGE_SIZE = 100;
    /** The page size of {@link #all()}. */
    public static final int DEFAULT_PAGE_SIZE = 50;

    public RunQuery {
        Arguments.notNull(workflow, "workflow");
        statuses = statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(Arguments.notNull(statuses, "statuses")));
        Arguments.notNull(startedFrom, "startedFrom");
        Arguments.notNull(startedBefore, "startedBefore");
        Arguments.check(pageSize >= 1 && pageSize <= MAX_PAGE_SIZE,
                "pageSize must be between 1 and " + MAX_PAGE_SIZE + ", was " + pageSize);
        Arguments.notNull(pageToken, "pageToken");
        Arguments.check(startedFrom.isEmpty() || startedBefore.isEmpty()
                || startedFrom.get().isBefore(startedBefore.get()), "startedFrom must be before startedBefore");
    }

    /** Every run, {@value #DEFAULT_PAGE_SIZE} per page. */
    public static RunQuery all() {
        return new RunQuery(Optional.empty(), Set.of(), Optional.empty(), Optional.empty(), DEFAULT_PAGE_SIZE,
                Optional.empty());
    }

    /** Only runs of {@code name}. */
    public RunQuery workflow(String name) {
        return new RunQuery(Optional.of(Arguments.notNull(name, "workflow")), statuses, startedFrom, startedBefore,
                pageSize, pageToken);
    }

    /** Only runs in one of {@code wanted}. */
    public RunQuery statuses(RunStatus first, RunStatus... more) {
        return new RunQuery(workflow, EnumSet.of(Arguments.notNull(first, "status"), more), startedFrom, startedBefore,
                pageSize, pageToken);
    }

    /** Only runs started at or after {@code from} and before {@code before}. */
    public RunQuery startedBetween(Instant from, Instant before) {
        return new RunQuery(workflow, statuses, Optional.of(Arguments.notNull(from, "from")),
                Optional.of(Arguments.notNull(before, "before")), pageSize, pageToken);
    }

    public RunQuery pageSize(int size) {
        return new RunQuery(workflow, statuses, startedFrom, startedBefore, size, pageToken);
    }

    /**
     * The page after the one that returned {@code token}. The workflow, statuses and start range must be the same as
     * then (the page size may change); {@link Workflows#runs} rejects a token issued for other criteria.
     */
    public RunQuery after(String token) {
        return new RunQuery(workflow, statuses, startedFrom, startedBefore, pageSize,
                Optional.of(Arguments.notNull(token, "token")));
    }

    /** Whether {@code run} meets the workflow, status and start-time criteria (not the paging). */
    public boolean matches(RunSummary run) {
        return workflow.map(run.workflow()::equals).orElse(true)
                && (statuses.isEmpty() || statuses.contains(run.status()))
                && startedFrom.map(from -> !run.startedAt().isBefore(from)).orElse(true)
                && startedBefore.map(before -> run.startedAt().isBefore(before)).orElse(true);
    }
}
