package io.skystate.api.state;

import io.skystate.api.Arguments;
import java.time.Instant;
import java.util.Optional;

/** A record as read: its key, value, current version and expiry (empty when it never expires). */
public record StateEntry(Key key, StateValue value, Version version, Optional<Instant> expiresAt) {
    public StateEntry {
        Arguments.notNull(key, "key");
        Arguments.notNull(value, "value");
        Arguments.notNull(version, "version");
        Arguments.notNull(expiresAt, "expiresAt");
    }
}
