package io.skystate.api.idempotency;

import io.skystate.api.Arguments;
import io.skystate.api.Skystate;
import java.time.Duration;

/**
 * How the idempotency layer keeps its records: in state store {@code storeName}, completed results for
 * {@code resultTtl}, an in-progress claim for at most {@code inProgressTimeout} (after which a crashed run is
 * assumed dead and the key may run again), and a duplicate waits up to {@code maxWait} for the first run's result.
 */
public record IdempotencyOptions(String storeName, Duration resultTtl, Duration inProgressTimeout, Duration maxWait) {
    public IdempotencyOptions {
        Skystate.validateName("store", storeName);
        Arguments.notNull(resultTtl, "resultTtl");
        Arguments.notNull(inProgressTimeout, "inProgressTimeout");
        Arguments.notNull(maxWait, "maxWait");
    }

    /** Store "idempotency", results kept one hour, claims of five minutes, duplicates wait up to 30 s. */
    public static IdempotencyOptions defaults() {
        return new IdempotencyOptions("idempotency", Duration.ofHours(1), Duration.ofMinutes(5), Duration.ofSeconds(30));
    }

    public IdempotencyOptions withResultTtl(Duration ttl) {
        return new IdempotencyOptions(storeName, ttl, inProgressTimeout, maxWait);
    }

    public IdempotencyOptions withStore(String name) {
        return new IdempotencyOptions(name, resultTtl, inProgressTimeout, maxWait);
    }
}
