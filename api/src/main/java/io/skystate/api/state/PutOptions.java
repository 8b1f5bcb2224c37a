package io.skystate.api.state;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How a put applies: its {@link Condition} and the record's absolute expiry. A put replaces the whole record,
 * expiry included, so a put without an expiry clears any earlier one.
 */
public record PutOptions(Condition condition, Optional<Instant> expiresAt) {
    public PutOptions {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Unconditional, never expires. */
    public static PutOptions always() {
        return new PutOptions(Condition.none(), Optional.empty());
    }

    public static PutOptions ifAbsent() {
        return new PutOptions(Condition.ifAbsent(), Optional.empty());
    }

    public static PutOptions ifVersion(Version version) {
        return new PutOptions(Condition.ifVersion(version), Optional.empty());
    }

    /** The same condition with the record expiring at {@code instant}. */
    public PutOptions expiringAt(Instant instant) {
        return new PutOptions(condition, Optional.of(instant));
    }
}
