package io.skystate.api.callback;

import io.skystate.api.Arguments;
import io.skystate.api.InvalidRequestException;
import java.time.Duration;
import java.util.Optional;

/**
 * What to create: a callback that times out {@code timeout} after creation, and also when no completion or
 * heartbeat arrives for {@code heartbeatTimeout} (Step Functions' {@code HeartbeatSeconds}). When
 * {@code completionQueue} is set, the callback's resolution posts one message there. {@code label} is free text
 * kept with the callback for people reading logs.
 */
public record CallbackRequest(Duration timeout, Optional<Duration> heartbeatTimeout, Optional<String> completionQueue,
        String label) {
    /** Longest portable callback timeout (Step Functions and Cloud Workflows both allow a year). */
    public static final Duration MAX_TIMEOUT = Duration.ofDays(365);

    public CallbackRequest {
        Arguments.notNull(timeout, "timeout");
        Arguments.notNull(heartbeatTimeout, "heartbeatTimeout");
        Arguments.notNull(completionQueue, "completionQueue");
        Arguments.notNull(label, "label");
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new InvalidRequestException("skystate", "callback timeout must be in (0, 365 days]: " + timeout);
        }
        heartbeatTimeout.ifPresent(h -> {
            if (h.isNegative() || h.isZero()) {
                throw new InvalidRequestException("skystate", "heartbeat timeout must be positive: " + h);
            }
        });
    }

    public static CallbackRequest withTimeout(Duration timeout) {
        return new CallbackRequest(timeout, Optional.empty(), Optional.empty(), "");
    }

    public CallbackRequest withHeartbeat(Duration heartbeatTimeout) {
        return new CallbackRequest(timeout, Optional.of(heartbeatTimeout), completionQueue, label);
    }

    public CallbackRequest notifying(String queueName) {
        return new CallbackRequest(timeout, heartbeatTimeout, Optional.of(queueName), label);
    }

    public CallbackRequest labelled(String text) {
        return new CallbackRequest(timeout, heartbeatTimeout, completionQueue, text);
    }
}
