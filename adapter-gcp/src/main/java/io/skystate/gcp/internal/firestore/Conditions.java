package io.skystate.gcp.internal.firestore;

import com.google.cloud.firestore.DocumentSnapshot;
import io.skystate.api.state.Condition;
import io.skystate.api.state.Version;
import java.util.Optional;

/**
 * Portable conditions checked against a document read inside a Firestore transaction, where an expired document
 * counts as absent. Firestore preconditions can express neither a version field nor "expired is absent", so the
 * transaction (which locks what it read until it commits) makes the check atomic with the write.
 */
final class Conditions {
    private Conditions() {
    }

    static boolean holds(Condition condition, DocumentSnapshot current, long now) {
        Optional<Version> version = Records.visibleVersion(current, now);
        return switch (condition.kind()) {
            case NONE -> true;
            case IF_ABSENT -> version.isEmpty();
            case IF_VERSION -> version.filter(condition.version()::equals).isPresent();
        };
    }

    static String describe(Condition condition) {
        return condition.kind() == Condition.Kind.IF_ABSENT ? "it already exists" : "it is absent or at another version";
    }
}
