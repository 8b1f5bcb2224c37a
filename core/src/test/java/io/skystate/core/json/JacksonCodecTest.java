package io.skystate.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ser.DefaultSerializerProvider;
import io.skystate.api.InvalidRequestException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JacksonCodecTest {
    private final JacksonCodec codec = new JacksonCodec("test");

    record Order(String id, BigDecimal total, Instant placedAt) {
    }

    @Test
    void keepsNumbersExact() {
        String json = "{\"big\":123456789012345678901234567890,\"small\":0.1000000000000000055511151231257827}";
        Map<?, ?> map = codec.decode(json.getBytes(StandardCharsets.UTF_8), Map.class);
        assertThat(map.get("big")).isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(map.get("small")).isEqualTo(new BigDecimal("0.1000000000000000055511151231257827"));
        assertThat(new String(codec.encode(map), StandardCharsets.UTF_8)).isEqualTo(json);
    }

    @Test
    void roundTripsRecordsWithTimes() {
        Order order = new Order("o-1", new BigDecimal("19.99"), Instant.parse("2026-11-26T10:15:30.123Z"));
        assertThat(codec.decode(codec.encode(order), Order.class)).isEqualTo(order);
    }

    @Test
    void canonicalFormIgnoresKeyOrder() {
        byte[] a = codec.canonicalize("{\"b\":1,\"a\":{\"y\":2,\"x\":1}}".getBytes(StandardCharsets.UTF_8));
        byte[] b = codec.canonicalize("{\"a\":{\"x\":1,\"y\":2},\"b\":1}".getBytes(StandardCharsets.UTF_8));
        assertThat(a).isEqualTo(b);
    }

    @Test
    void validateRejectsMalformedAndTrailingContent() {
        codec.validate("null".getBytes(StandardCharsets.UTF_8));
        for (String bad : new String[] {"{not json", "", "{} {}", "[1,"}) {
            assertThatThrownBy(() -> codec.validate(bad.getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(InvalidRequestException.class);
        }
    }

    @Test
    void prepareCachesTheTypesSerializerWithoutEncodingAndLeavesRoundTripsAlone() {
        var provider = (DefaultSerializerProvider) codec.mapper().getSerializerProvider();
        int before = provider.cachedSerializersCount();

        codec.prepare(Order.class, Order.class);

        assertThat(provider.cachedSerializersCount()).isGreaterThan(before);
        Order order = new Order("o-2", new BigDecimal("1.50"), Instant.parse("2026-11-30T08:00:00Z"));
        assertThat(codec.decode(codec.encode(order), Order.class)).isEqualTo(order);
    }
}
