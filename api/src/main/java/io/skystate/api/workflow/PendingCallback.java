package io.skystate.api.workflow;

import io.skystate.api.Arguments;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/**
 * A callback step of a run that is waiting: its step path, the token that resolves it (pass it to
 * {@link Workflows#completeCallback} or {@link Workflows#failCallback}; whoever can list pending callbacks can resolve
 * them), its callback URL where the adapter serves them, when it started waiting and when it times out (its overall
 * timeout; a heartbeat timeout can end it sooner).
 */
public record PendingCallback(String instanceId, String stepPath, String token, Optional<URI> url, Instant since,
        Instant timeoutAt) {
    public PendingCallback {
        Arguments.notNull(instanceId, "instanceId");
        Arguments.notNull(stepPath, "stepPath");
        Arguments.notNull(token, "token");
        Arguments.notNull(url, "url");
        Arguments.notNull(since, "since");
        Arguments.notNull(timeoutAt, "timeoutAt");
    }
}
