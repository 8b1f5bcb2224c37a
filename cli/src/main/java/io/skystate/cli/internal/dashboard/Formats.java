package io.skystate.cli.internal.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How times read on the pages: UTC to the millisecond, durations in ms or s. */
final class Formats {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Formats() {
    }

    static String instant(Instant instant) {
        return TIME.format(instant);
    }

    static String duration(Duration d) {
        return d.toMillis() < 10_000 ? d.toMillis() + " ms" : String.format("%.1f s", d.toMillis() / 1000.0);
    }
}
