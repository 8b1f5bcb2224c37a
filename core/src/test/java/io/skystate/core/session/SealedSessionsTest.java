package io.skystate.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skystate.api.InvalidTokenException;
import io.skystate.api.KeyRing;
import io.skystate.api.TokenExpiredException;
import io.skystate.core.crypto.Keys;
import io.skystate.core.json.JacksonCodec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SealedSessionsTest {
    record Cart(String customer, int items) {
    }

    private final JacksonCodec codec = new JacksonCodec("test");
    private final KeyRing ring = Keys.randomRing("k1");

    @Test
    void expiryIsCheckedAgainstTheClock() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        String token = new SealedSessions(ring, codec, Clock.fixed(t0, ZoneOffset.UTC), "test")
                .seal(new Cart("ann", 2), Duration.ofMinutes(5));
        var justBefore = new SealedSessions(ring, codec, Clock.fixed(t0.plusSeconds(299), ZoneOffset.UTC), "test");
        var atExpiry = new SealedSessions(ring, codec, Clock.fixed(t0.plusSeconds(300), ZoneOffset.UTC), "test");
        assertThat(justBefore.open(token, Cart.class)).isEqualTo(new Cart("ann", 2));
        assertThatThrownBy(() -> atExpiry.open(token, Cart.class)).isInstanceOf(TokenExpiredException.class);
    }

    @Test
    void keyIdCannotBeSwappedInTheToken() {
        KeyRing both = ring.rotateTo("k2", Keys.newKey());
        var sessions = new SealedSessions(both, codec, Clock.systemUTC(), "test");
        String token = sessions.seal(new Cart("bob", 1), Duration.ofMinutes(1));
        assertThat(token).startsWith("s1.k2.");
        assertThatThrownBy(() -> sessions.open(token.replace(".k2.", ".k1."), Cart.class))
                .isInstanceOf(InvalidTokenException.class);
    }
}
