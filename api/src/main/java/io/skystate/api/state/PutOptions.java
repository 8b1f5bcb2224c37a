package io.skystate.api.state;

import io.skystate.api.Arguments;
import java.time.Instant;
import java.util.Optional;

/**
 * How a put applies: its {@link Condition} and the record's absolute expiry. A put replaces the whole record,
 * expiry included, so a put without an expiry clears any earlier one.
 */
public record PutOptions(Condition condition, Optional<Instant> expiresAt) {
    /** The earliest expiry a record may carry (every provider stores it as epoch time). */
    public static final Instant EARLIEST_EXPIRY = Instant.EPOCH;
    /** The latest expiry a record may carry (Firestore timestamps end with year 9999). */
    public static final Instant LATEST_EXPIRY = Instant.parse("9999-12-31T23:59:59Z");

    public PutOptions {
        Arguments.notNull(condition, "condition");
        Arguments.notNull(expiresAt, "expiresAt");
        expiresAt.ifPresent(at -> Arguments.check(!at.isBefore(EARLIEST_EXPIRY) && !at.isAfter(LATEST_EXPIRY),
                "expiry " + at + " is outside the portable range " + EARLIEST_EXPIRY + " .. " + LATEST_EXPIRY
                        + "; for a record that never expires, leave the expiry out"));
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

    /**
     * The same condition with the record expiring at {@code instant}, between {@link #EARLIEST_EXPIRY} and
     * {@link #LATEST_EXPIRY} ({@link io.skystate.api.InvalidRequestException} otherwise); a past instant makes the
     * record invisible at once.
     */
    public PutOptions expiringAt(Instant instant) {
        return new PutOptions(condition, Optional.of(Arguments.notNull(instant, "expiry instant")));
    }
}
