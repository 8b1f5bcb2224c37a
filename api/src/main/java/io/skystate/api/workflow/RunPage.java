package io.skystate.api.workflow;

import io.skystate.api.Arguments;
import java.util.List;
import java.util.Optional;

/**
 * One page of a {@linkplain Workflows#runs run listing}: at most the query's page size of runs, newest start first,
 * and the token of the next page when there may be more (pass it to {@link RunQuery#after}). A page can be shorter
 * than the page size, even empty, and still have a next page: filters are applied to what the page scanned.
 */
public record RunPage(List<RunSummary> runs, Optional<String> nextPageToken) {
    public RunPage {
        runs = List.copyOf(Arguments.notNull(runs, "runs"));
        Arguments.notNull(nextPageToken, "nextPageToken");
    }
}
