package io.skystate.observability.internal;

import io.opentelemetry.context.Context;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The messages of one queue that this process received and has not yet acknowledged, until their visibility
 * timeout passes (then the queue may deliver them elsewhere, and they stop counting here), each with the producer's
 * trace context. Memory is bounded by the process's own in-flight work. Thread-safe.
 */
final class InFlight {
    /** Above this many entries a new receive first drops the expired ones. */
    private static final int PURGE_ABOVE = 1024;

    private record Held(long deadlineNanos, Context producer) {
    }

    private final ConcurrentMap<String, Held> held = new ConcurrentHashMap<>();

    void hold(String receipt, Duration visibility, Context producer) {
        if (held.size() > PURGE_ABOVE) {
            purge();
        }
        held.put(receipt, new Held(System.nanoTime() + visibility.toNanos(), producer));
    }

    /** Forgets the message; returns its producer's context if it was held. */
    Optional<Context> release(String receipt) {
        return Optional.ofNullable(held.remove(receipt)).map(Held::producer);
    }

    /** The producer's context of a held message. */
    Optional<Context> producer(String receipt) {
        return Optional.ofNullable(held.get(receipt)).map(Held::producer);
    }

    /** How many messages are held and still within their visibility timeout. */
    int count() {
        purge();
        return held.size();
    }

    private void purge() {
        long now = System.nanoTime();
        held.values().removeIf(h -> now - h.deadlineNanos() > 0);
    }
}
