package io.skystate.api.state;

import io.skystate.api.Arguments;
import io.skystate.api.InvalidRequestException;

/**
 * A precondition on the current record, checked atomically with the write. Only the two conditions every
 * provider supports natively are portable: the record is absent, or its version equals a given one. An expired
 * record counts as absent.
 */
public record Condition(Kind kind, Version version) {
    /** The kinds of precondition. */
    public enum Kind { NONE, IF_ABSENT, IF_VERSION }

    private static final Condition NONE = new Condition(Kind.NONE, null);
    private static final Condition ABSENT = new Condition(Kind.IF_ABSENT, null);

    public Condition {
        Arguments.notNull(kind, "kind");
        if ((kind == Kind.IF_VERSION) != (version != null)) {
            throw new InvalidRequestException("skystate", "a version is required exactly for IF_VERSION");
        }
    }

    /** No precondition: the write always applies. */
    public static Condition none() {
        return NONE;
    }

    /** The record must not exist (or be expired). */
    public static Condition ifAbsent() {
        return ABSENT;
    }

    /** The record must exist, not be expired, and have this version. */
    public static Condition ifVersion(Version version) {
        return new Condition(Kind.IF_VERSION, Arguments.notNull(version, "version"));
    }
}
