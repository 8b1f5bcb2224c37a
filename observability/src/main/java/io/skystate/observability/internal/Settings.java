package io.skystate.observability.internal;

import java.time.Duration;
import java.util.Optional;

/**
 * How an observed instance keeps its records: the name of its state store, how long a run's record lives, and the
 * period of the RUNNING-runs sample (empty: no sampling). Immutable.
 */
public record Settings(String contextStore, Duration contextTtl, Optional<Duration> runSampling) {
}
