package io.skystate.azure.internal;

import io.skystate.api.AlreadyExistsException;
import io.skystate.api.SkystateException;
import io.skystate.api.VersionConflictException;
import io.skystate.api.state.Condition;
import io.skystate.api.state.Key;

/**
 * How both Azure stores evaluate a portable {@link Condition} against what they read, with <em>expired means
 * absent</em>: the native write to send (always guarded by the read ETag, so nothing changed in between), or the
 * typed error. Stateless.
 */
public final class Conditions {
    private Conditions() {
    }

    /** A record as read before a conditional write: physically there (maybe expired), with its ETag and version. */
    public record Current(String etag, String version, boolean visible) {
    }

    /** What to send for one operation. */
    public enum Action {
        /** Create; fails (409) if anything is there. */
        CREATE,
        /** Replace the record that was read, if its ETag is unchanged. */
        REPLACE_IF_MATCH,
        /** Write whatever is there. */
        UPSERT,
        /** Delete the record that was read, if its ETag is unchanged. */
        DELETE_IF_MATCH,
        /** Prove the record that was read is unchanged, without changing its version. */
        CHECK_IF_MATCH,
        /** Prove nothing is there by creating an invisible (already expired) placeholder. */
        GUARD_ABSENT,
        /** Nothing to send: the operation has no effect and no condition to guard. */
        SKIP
    }

    /** The action of a put under {@code condition}, or the error when the condition fails. */
    public static Action put(Key key, Condition condition, Current current) {
        return switch (condition.kind()) {
            case NONE -> Action.UPSERT;
            case IF_ABSENT -> current == null ? Action.CREATE : current.visible() ? fail(key, condition) : Action.REPLACE_IF_MATCH;
            case IF_VERSION -> matches(condition, current) ? Action.REPLACE_IF_MATCH : fail(key, condition);
        };
    }

    /** The action of a delete under {@code condition}. */
    public static Action delete(Key key, Condition condition, Current current) {
        return switch (condition.kind()) {
            case NONE -> current == null ? Action.SKIP : Action.DELETE_IF_MATCH;
            case IF_ABSENT -> current == null ? Action.GUARD_ABSENT : current.visible() ? fail(key, condition) : Action.DELETE_IF_MATCH;
            case IF_VERSION -> matches(condition, current) ? Action.DELETE_IF_MATCH : fail(key, condition);
        };
    }

    /** The action of a condition check inside a transaction. */
    public static Action check(Key key, Condition condition, Current current) {
        return switch (condition.kind()) {
            case NONE -> Action.SKIP;
            case IF_ABSENT -> current == null ? Action.GUARD_ABSENT : current.visible() ? fail(key, condition) : Action.CHECK_IF_MATCH;
            case IF_VERSION -> matches(condition, current) ? Action.CHECK_IF_MATCH : fail(key, condition);
        };
    }

    private static boolean matches(Condition condition, Current current) {
        return current != null && current.visible() && current.version().equals(condition.version().value());
    }

    private static Action fail(Key key, Condition condition) {
        throw failed(key, condition, null);
    }

    /** The error of a failed condition: {@link AlreadyExistsException} or {@link VersionConflictException}. */
    public static SkystateException failed(Key key, Condition condition, Throwable cause) {
        return condition.kind() == Condition.Kind.IF_ABSENT
                ? new AlreadyExistsException(AzureErrors.PROVIDER, key + " already exists", cause)
                : new VersionConflictException(AzureErrors.PROVIDER, key + " is absent or not at version "
                        + condition.version(), cause);
    }
}
