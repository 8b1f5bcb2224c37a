package io.skystate.api.workflow;

import io.skystate.api.Arguments;
import java.time.Instant;
import java.util.Optional;

/**
 * One run as {@link Workflows#runs listings} show it: its id, workflow and version, status, start and end, the
 * error it ended with, and how often it was {@linkplain Workflows#redrive redriven}. No output: read it with
 * {@link Workflows#run}.
 */
public record RunSummary(String instanceId, String workflow, int version, RunStatus status, Instant startedAt,
        Optional<Instant> endedAt, Optional<String> error, int redriveCount) {
    public RunSummary {
        Arguments.notNull(instanceId, "instanceId");
        Arguments.notNull(workflow, "workflow");
        Arguments.notNull(status, "status");
        Arguments.notNull(startedAt, "startedAt");
        Arguments.notNull(endedAt, "endedAt");
        Arguments.notNull(error, "error");
        Arguments.check(redriveCount >= 0, "redriveCount must not be negative");
    }
}
