package io.skystate.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The lazy set-up encodes and decodes every {@code java.time} type exactly as the eagerly registered module. */
class LazyJavaTimeModuleTest {
    record Times(Instant instant, OffsetDateTime offsetDateTime, ZonedDateTime zonedDateTime, Duration duration,
            LocalDateTime localDateTime, LocalDate localDate, LocalTime localTime, MonthDay monthDay,
            OffsetTime offsetTime, Period period, Year year, YearMonth yearMonth, ZoneId zoneId, ZoneOffset zoneOffset,
            Month month, DayOfWeek dayOfWeek, List<Instant> instants, Map<LocalDate, Duration> byDay,
            Map<ZoneId, Instant> byZone) {
    }

    private static final Times TIMES = new Times(Instant.parse("2026-11-30T10:15:30.123456789Z"),
            OffsetDateTime.parse("2026-11-30T10:15:30+02:00"), ZonedDateTime.parse("2026-11-30T10:15:30+01:00[Europe/Paris]"),
            Duration.ofMillis(90_061_001), LocalDateTime.parse("2026-11-30T10:15:30"), LocalDate.parse("2026-11-30"),
            LocalTime.parse("10:15:30.5"), MonthDay.of(11, 30), OffsetTime.parse("10:15:30-05:00"), Period.of(1, 2, 3),
            Year.of(2026), YearMonth.of(2026, 11), ZoneId.of("America/New_York"), ZoneOffset.ofHours(5), Month.NOVEMBER,
            DayOfWeek.MONDAY, List.of(Instant.EPOCH, Instant.parse("2026-01-01T00:00:00Z")),
            Map.of(LocalDate.parse("2026-11-30"), Duration.ofSeconds(5)), Map.of(ZoneId.of("UTC"), Instant.EPOCH));

    private static ObjectMapper mapper(com.fasterxml.jackson.databind.Module time) {
        return JsonMapper.builder().addModule(time)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    }

    @Test
    void encodesAndDecodesAsTheEagerModule() throws Exception {
        ObjectMapper eager = mapper(new JavaTimeModule());
        ObjectMapper lazy = mapper(new LazyJavaTimeModule());

        String json = eager.writeValueAsString(TIMES);
        assertThat(lazy.writeValueAsString(TIMES)).isEqualTo(json);
        assertThat(lazy.readValue(json, Times.class)).isEqualTo(eager.readValue(json, Times.class));
        assertThat(lazy.readValue("[\"2026-11-30T10:15:30Z\"]", new TypeReference<List<Instant>>() { }))
                .containsExactly(Instant.parse("2026-11-30T10:15:30Z"));
    }

    @Test
    void timestampsAsNumbersToo() throws Exception {
        ObjectMapper eager = JsonMapper.builder().addModule(new JavaTimeModule()).build();
        ObjectMapper lazy = JsonMapper.builder().addModule(new LazyJavaTimeModule()).build();

        String json = eager.writeValueAsString(TIMES);
        assertThat(lazy.writeValueAsString(TIMES)).isEqualTo(json);
        assertThat(lazy.readValue(json, Times.class)).isEqualTo(eager.readValue(json, Times.class));
    }

    @Test
    void aMapperThatMeetsNoTimeNeverSetsTheModuleUp() throws Exception {
        LazyJavaTimeModule module = new LazyJavaTimeModule();
        ObjectMapper lazy = JsonMapper.builder().addModule(module).build();

        assertThat(lazy.writeValueAsString(Map.of("a", List.of(1, "b")))).isEqualTo("{\"a\":[1,\"b\"]}");
        assertThat(module.isSetUp()).isFalse();
        lazy.writeValueAsString(Instant.EPOCH);
        assertThat(module.isSetUp()).isTrue();
    }
}
