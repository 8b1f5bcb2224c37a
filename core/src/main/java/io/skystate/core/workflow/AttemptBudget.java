package io.skystate.core.workflow;

import io.skystate.api.AlreadyExistsException;
import io.skystate.api.VersionConflictException;
import io.skystate.api.state.Key;
import io.skystate.api.state.PutOptions;
import io.skystate.api.state.StateEntry;
import io.skystate.api.state.StateStore;
import io.skystate.api.state.StateValue;
import io.skystate.api.workflow.Workflows;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Counts each run's task and callback attempts in a state store, for engines whose orchestrator keeps no counter of
 * its own (Step Functions, Cloud Workflows), so the worker or task endpoint can enforce
 * {@link Workflows#MAX_STEP_ATTEMPTS}. A redelivered attempt counts again: the cap is reached at most that early.
 * Thread-safe (optimistic concurrency on the counter record {@code attempts-<run>/count}).
 */
public final class AttemptBudget {
    /** Counters outlive any run they can count. */
    private static final Duration RETENTION = Duration.ofDays(400);

    private final StateStore store;
    private final Clock clock;

    public AttemptBudget(StateStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Records one more attempt of {@code run}; false (and nothing recorded) once the cap is reached. */
    public boolean take(String run) {
        Key key = new Key("attempts-" + run, "count");
        while (true) {
            Optional<StateEntry> current = store.get(key);
            long used = current.map(e -> Long.parseLong(new String(e.value().bytes(), StandardCharsets.UTF_8))).orElse(0L);
            if (used >= Workflows.MAX_STEP_ATTEMPTS) {
                return false;
            }
            PutOptions condition = current.map(e -> PutOptions.ifVersion(e.version())).orElse(PutOptions.ifAbsent())
                    .expiringAt(clock.instant().plus(RETENTION));
            try {
                store.put(key, StateValue.json(Long.toString(used + 1).getBytes(StandardCharsets.UTF_8)), condition);
                return true;
            } catch (VersionConflictException | AlreadyExistsException raced) {
                // another attempt of the same run counted first: read again
            }
        }
    }
}
