package io.skystate.cli.internal.dashboard;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Who may use the dashboard, and proof that a form was sent from its own pages.
 *
 * <p><b>Authentication</b> applies when the dashboard listens on an address other than loopback: every request must
 * carry the access token printed at start, either as {@code Authorization: Bearer <token>} (scripts) or as the session
 * cookie the login form sets after the token was typed in (browsers). The cookie holds an HMAC of the token, not the
 * token; it is {@code HttpOnly} and {@code SameSite=Strict}, and dies with the server (its key is per start). On
 * loopback no login is asked: only this machine's users can connect.
 *
 * <p><b>CSRF</b>: every POST form carries a token derived from the per-start key and the session (a constant on
 * loopback, where there is none), which another site cannot read; POSTs whose {@code Origin} is not this dashboard are
 * refused too. <b>DNS rebinding</b>: on loopback, requests must name a loopback host in {@code Host}.
 */
final class Access {
    static final String COOKIE = "skystate_dashboard";
    private final byte[] key = new byte[32];
    private final String token;
    private final boolean required;

    Access(Optional<String> token, boolean required) {
        SecureRandom random = new SecureRandom();
        random.nextBytes(key);
        byte[] generated = new byte[24];
        random.nextBytes(generated);
        this.token = token.orElse(Base64.getUrlEncoder().withoutPadding().encodeToString(generated));
        this.required = required;
    }

    boolean required() {
        return required;
    }

    String token() {
        return token;
    }

    /** Whether the request may see pages: always on loopback, else with the bearer token or the session cookie. */
    boolean allowed(Exchange exchange) {
        if (!required) {
            return true;
        }
        Optional<String> bearer = exchange.header("Authorization").filter(h -> h.startsWith("Bearer "))
                .map(h -> h.substring(7).trim());
        if (bearer.isPresent()) {
            return same(bearer.get(), token);
        }
        return exchange.cookie(COOKIE).map(c -> same(c, session())).orElse(false);
    }

    /** Checks a typed-in token; on success the value of the session cookie. */
    Optional<String> login(String typed) {
        return same(typed, token) ? Optional.of(session()) : Optional.empty();
    }

    String cookieHeader(String session) {
        return COOKIE + "=" + session + "; Path=/; HttpOnly; SameSite=Strict";
    }

    /** The CSRF token forms carry. */
    String csrf() {
        return mac("csrf:" + (required ? session() : "loopback"));
    }

    boolean csrfValid(Optional<String> sent) {
        return sent.map(s -> same(s, csrf())).orElse(false);
    }

    private String session() {
        return mac("session:" + token);
    }

    private String mac(String what) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(what.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
