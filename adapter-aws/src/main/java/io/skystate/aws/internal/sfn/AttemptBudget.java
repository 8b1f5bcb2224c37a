package io.skystate.aws.internal.sfn;

import io.skystate.api.AlreadyExistsException;
import io.skystate.api.VersionConflictException;
import io.skystate.api.state.Key;
import io.skystate.api.state.PutOptions;
import io.skystate.api.state.StateEntry;
import io.skystate.api.state.StateValue;
import io.skystate.api.workflow.Workflows;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Counts each execution's task and callback attempts in the registry store, so the worker can enforce
 * {@link Workflows#MAX_STEP_ATTEMPTS} (Step Functions has no counter of its own). A redelivered task message
 * counts again: the cap is reached at most that early. Thread-safe (optimistic concurrency on the counter).
 */
final class AttemptBudget {
    /** Counters outlive any run they can count. */
    private static final Duration RETENTION = Duration.ofDays(400);

    private final EngineParts parts;

    AttemptBudget(EngineParts parts) {
        this.parts = parts;
    }

    /** Records one more attempt of {@code execution}; false (and nothing recorded) once the cap is reached. */
    boolean take(String execution) {
        Key key = new Key("attempts-" + execution, "count");
        while (true) {
            Optional<StateEntry> current = parts.registry().get(key);
            long used = current.map(e -> Long.parseLong(new String(e.value().bytes(), StandardCharsets.UTF_8))).orElse(0L);
            if (used >= Workflows.MAX_STEP_ATTEMPTS) {
                return false;
            }
            PutOptions condition = current.map(e -> PutOptions.ifVersion(e.version())).orElse(PutOptions.ifAbsent())
                    .expiringAt(parts.clock().instant().plus(RETENTION));
            try {
                parts.registry().put(key, StateValue.json(Long.toString(used + 1).getBytes(StandardCharsets.UTF_8)),
                        condition);
                return true;
            } catch (VersionConflictException | AlreadyExistsException raced) {
                // another attempt of the same run counted first: read again
            }
        }
    }
}
