package io.skystate.api.workflow;

import io.skystate.api.Arguments;
import java.time.Instant;
import java.util.Optional;

/**
 * A snapshot of one workflow run (instance): its workflow and the version it started with, its status, the output
 * JSON once it succeeded, or the error and cause once it failed, timed out or was cancelled.
 */
public record WorkflowRun(String instanceId, String workflow, int version, RunStatus status, Optional<byte[]> output,
        Optional<String> error, Optional<String> cause, Instant startedAt, Optional<Instant> endedAt) {
    public WorkflowRun {
        Arguments.notNull(instanceId, "instanceId");
        Arguments.notNull(status, "status");
        output = output.map(byte[]::clone);
    }

    @Override
    public Optional<byte[]> output() {
        return output.map(byte[]::clone);
    }
}
