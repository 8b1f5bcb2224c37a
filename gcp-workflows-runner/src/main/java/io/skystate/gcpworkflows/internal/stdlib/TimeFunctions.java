package io.skystate.gcpworkflows.internal.stdlib;

import static io.skystate.gcpworkflows.internal.stdlib.Function.Param.optional;
import static io.skystate.gcpworkflows.internal.stdlib.Function.Param.required;

import io.skystate.gcpworkflows.internal.value.WorkflowError;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/**
 * {@code time.format} (epoch seconds to an ISO 8601 / RFC 3339 string), {@code time.parse} (the reverse)
 * (https://cloud.google.com/workflows/docs/reference/stdlib/time/format, .../parse) and {@code uuid.generate}
 * (https://cloud.google.com/workflows/docs/reference/stdlib/uuid/generate). Stateless.
 */
final class TimeFunctions {
    private TimeFunctions() {
    }

    static void register(Registry registry) {
        registry.add("time.format", List.of(required("seconds"), optional("timezone", "UTC")), (a, c) -> {
            double seconds = Args.number(a[0], "time.format", "seconds");
            long whole = (long) Math.floor(seconds);
            Instant instant = Instant.ofEpochSecond(whole, Math.round((seconds - whole) * 1e9));
            ZoneId zone;
            try {
                zone = ZoneId.of(Args.string(a[1], "time.format", "timezone"));
            } catch (DateTimeException e) {
                throw WorkflowError.valueError("time.format: unknown timezone '" + a[1] + "'");
            }
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone).toOffsetDateTime());
        });
        registry.add("time.parse", List.of(required("value")),
                (a, c) -> SysFunctions.seconds(parseInstant(Args.string(a[0], "time.parse", "value"))));
        registry.add("uuid.generate", List.of(), (a, c) -> UUID.randomUUID().toString());
    }

    static Instant parseInstant(String text) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw WorkflowError.valueError("not an ISO 8601 timestamp with offset: '" + text + "'");
        }
    }
}
