package io.skystate.api.callback;

import io.skystate.api.Arguments;
import java.time.Instant;
import java.util.Optional;

/**
 * The state of a callback. For {@link CallbackStatus#COMPLETED}, {@code result} is the JSON the completer sent;
 * for {@link CallbackStatus#FAILED} and {@link CallbackStatus#TIMED_OUT}, {@code errorType} and
 * {@code errorMessage} say why. {@code resolvedAt} is empty while pending.
 */
public record CallbackOutcome(String id, CallbackStatus status, Optional<byte[]> result, Optional<String> errorType,
        Optional<String> errorMessage, Optional<Instant> resolvedAt) {
    /** The error type a timed-out callback reports. */
    public static final String TIMEOUT_ERROR = "Skystate.Timeout";

    public CallbackOutcome {
        Arguments.notNull(id, "id");
        Arguments.notNull(status, "status");
        result = result.map(byte[]::clone);
    }

    @Override
    public Optional<byte[]> result() {
        return result.map(byte[]::clone);
    }
}
