package io.skystate.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skystate.api.InvalidRequestException;
import io.skystate.api.InvalidTokenException;
import io.skystate.api.KeyRing;
import io.skystate.api.PayloadTooLargeException;
import io.skystate.api.Skystate;
import io.skystate.api.TokenExpiredException;
import io.skystate.api.session.Sessions;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Client-side sessions: state sealed with authenticated encryption into URL-safe tokens, refused when tampered,
 * forged or sealed under an unknown key, expired after their ttl, and readable across a key rotation.
 */
public class SessionConformance extends ConformanceSuite {
    private static final Duration TTL = Duration.ofMinutes(10);
    private static final String SECRET = "confidential-session-value";

    /** Session state. */
    public record Cart(String user, List<String> items, BigDecimal total, Map<String, Integer> counts) {
    }

    private static final Cart CART = new Cart("\u00fcser \ud83d\ude00", List.of("tea", SECRET),
            new BigDecimal("12345678901234567890.000000000000000000001"), Map.of("tea", 2));

    protected final Sessions sessions() {
        return skystate().sessions();
    }

    private Skystate open(KeyRing sessionKeys) {
        return target().open(KeyRing.of("cb", Tokens.key()), sessionKeys);
    }

    /**
     * A record and a map round-trip exactly; the token is URL-safe and its plaintext does not show (neither raw nor
     * Base64-encoded at any alignment).
     */
    @ConformanceRule
    public final void session01_roundTrip() {
        String token = sessions().seal(CART, TTL);
        assertThat(sessions().open(token, Cart.class)).isEqualTo(CART);
        assertThat(token).matches("[A-Za-z0-9._~-]+");
        assertThat(token).doesNotContain(SECRET);
        for (int pad = 0; pad < 3; pad++) {
            String encoded = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(("x".repeat(pad) + SECRET).getBytes(StandardCharsets.UTF_8));
            assertThat(token).as("Base64 of the plaintext").doesNotContain(encoded.substring(4, encoded.length() - 4));
        }
        Map<String, Object> map = Map.of("a", "b", "n", 1, "nested", Map.of("list", List.of(true, "x")));
        assertThat(sessions().open(sessions().seal(map, TTL), Map.class)).isEqualTo(map);
    }

    /** A token with one character changed (first, quarter, middle, three quarters, last) raises InvalidTokenException. */
    @ConformanceRule
    public final void session02_tamperedTokenRejected() {
        String token = sessions().seal(CART, TTL);
        for (int position : Tokens.positions(token)) {
            String tampered = Tokens.tamper(token, position);
            assertThatThrownBy(() -> sessions().open(tampered, Cart.class)).as("tampered at %s", position)
                    .isInstanceOf(InvalidTokenException.class);
        }
        assertThat(sessions().open(token, Cart.class)).isEqualTo(CART);
    }

    /** A token opens until its ttl (200 ms) passes and raises TokenExpiredException within a few seconds after. */
    @ConformanceRule
    public final void session03_expiredTokenRejected() {
        String token = sessions().seal(CART, Duration.ofMillis(200));
        assertThat(sessions().open(token, Cart.class)).isEqualTo(CART);
        RuntimeException last = Poll.until(Duration.ofSeconds(3), () -> {
            try {
                sessions().open(token, Cart.class);
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        }, e -> e != null);
        assertThat(last).as("opening a token 3 s after its 200 ms ttl").isInstanceOf(TokenExpiredException.class);
    }

    /**
     * Rotation: a token sealed under ring {k1} opens under {k1 → k2}; a token sealed under {k1 → k2} does not open
     * under {k1} (InvalidTokenException) but does under {k2} alone, which no longer opens k1's tokens.
     */
    @ConformanceRule
    public final void session04_keyRotation() {
        byte[] k1 = Tokens.key();
        byte[] k2 = Tokens.key();
        KeyRing before = KeyRing.of("k1", k1);
        KeyRing rotated = before.rotateTo("k2", k2);
        KeyRing after = KeyRing.of("k2", k2);
        try (Skystate old = open(before); Skystate current = open(rotated); Skystate retired = open(after)) {
            String oldToken = old.sessions().seal(CART, TTL);
            String newToken = current.sessions().seal(CART, TTL);
            assertThat(current.sessions().open(oldToken, Cart.class)).isEqualTo(CART);
            assertThat(current.sessions().open(newToken, Cart.class)).isEqualTo(CART);
            assertThatThrownBy(() -> old.sessions().open(newToken, Cart.class)).isInstanceOf(InvalidTokenException.class);
            assertThat(retired.sessions().open(newToken, Cart.class)).isEqualTo(CART);
            assertThatThrownBy(() -> retired.sessions().open(oldToken, Cart.class))
                    .isInstanceOf(InvalidTokenException.class);
        }
    }

    /**
     * Forged tokens raise InvalidTokenException: random text of several lengths, and a token sealed under a different
     * key with the same key id.
     */
    @ConformanceRule
    public final void session05_forgedTokenRejected() {
        try (Skystate mine = open(KeyRing.of("k1", Tokens.key())); Skystate theirs = open(KeyRing.of("k1", Tokens.key()))) {
            String foreign = theirs.sessions().seal(CART, TTL);
            for (String forged : List.of("x", "a.b.c", Tokens.random(16), Tokens.random(64), Tokens.random(300), foreign)) {
                assertThatThrownBy(() -> mine.sessions().open(forged, Cart.class)).as("token %s", forged)
                        .isInstanceOf(InvalidTokenException.class);
            }
        }
    }

    /** State of exactly {@value Sessions#MAX_STATE_BYTES} JSON bytes seals and opens; one byte more is refused. */
    @ConformanceRule
    public final void session06_stateSizeCap() {
        String atCap = "s".repeat(Sessions.MAX_STATE_BYTES - 2);
        assertThat(skystate().codec().encode(atCap)).hasSize(Sessions.MAX_STATE_BYTES);
        assertThat(sessions().open(sessions().seal(atCap, TTL), String.class)).isEqualTo(atCap);
        assertThatThrownBy(() -> sessions().seal(atCap + "s", TTL)).isInstanceOf(PayloadTooLargeException.class);
    }

    /** Sealing the same state twice gives different tokens (a fresh nonce per token), both opening to the state. */
    @ConformanceRule
    public final void session07_tokensAreNotDeterministic() {
        String first = sessions().seal(CART, TTL);
        String second = sessions().seal(CART, TTL);
        assertThat(first).isNotEqualTo(second);
        assertThat(sessions().open(second, Cart.class)).isEqualTo(CART);
    }

    /** A zero or negative time to live is rejected with InvalidRequestException; no token is made. */
    @ConformanceRule
    public final void session08_nonPositiveTtlRejected() {
        assertThatThrownBy(() -> sessions().seal(CART, Duration.ZERO)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> sessions().seal(CART, Duration.ofSeconds(-5))).isInstanceOf(InvalidRequestException.class);
    }
}
