package io.skystate.bench.scaling;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** The system clock plus an offset the benchmark can move forward, to make pending callbacks due at once. */
final class MutableClock extends Clock {
    private final AtomicLong offsetMillis = new AtomicLong();

    void advance(long millis) {
        offsetMillis.addAndGet(millis);
    }

    @Override
    public long millis() {
        return System.currentTimeMillis() + offsetMillis.get();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
