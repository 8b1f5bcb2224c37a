package io.skystate.api.state;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A record as read: its key, value, current version and expiry (empty when it never expires). */
public record StateEntry(Key key, StateValue value, Version version, Optional<Instant> expiresAt) {
    public StateEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
